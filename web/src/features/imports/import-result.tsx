import { Pill } from "../../components/ui/pill.tsx";
import { Table } from "../../components/ui/table.tsx";
import { isFinished } from "./queries.ts";
import type { ImportRun } from "./types.ts";

const SHOWN_ERRORS = 200;

function Summary({ run, dryRun }: { run: ImportRun; dryRun: boolean }) {
  const bad = new Set(run.errors.map((e) => e.row)).size;
  if (!isFinished(run)) {
    return (
      <div className="import-progress">
        <progress max={run.total_rows || 1} value={run.processed_rows} data-testid="import-progress" />
        <span className="muted">
          {run.processed_rows} of {run.total_rows} rows
        </span>
      </div>
    );
  }
  if (run.status === "failed") {
    return (
      <p>
        <Pill tone="red">Failed</Pill> The import stopped after {run.processed_rows} of {run.total_rows} rows. Rows
        already written stay; fix the file and run it again — it updates rows it already imported.
      </p>
    );
  }
  return (
    <p data-testid="import-summary">
      <Pill tone={bad > 0 ? "amber" : "green"}>{dryRun ? "Checked" : "Imported"}</Pill>{" "}
      {dryRun
        ? `${run.total_rows - bad} of ${run.total_rows} rows are ready to import; ${bad} need fixing. Nothing was written.`
        : `${run.total_rows - bad} of ${run.total_rows} rows imported (${run.created_rows} new, ${run.updated_rows} updated); ${bad} skipped.`}
    </p>
  );
}

/** A dry run's verdict or an import's progress, then each bad row with the field and what is wrong with it. */
export function ImportResult({ run, dryRun }: { run: ImportRun; dryRun: boolean }) {
  return (
    <div className="import-result" data-testid="import-result" data-status={run.status}>
      <Summary run={run} dryRun={dryRun} />
      {run.errors.length > 0 ? (
        <>
          <Table
            testId="import-errors"
            head={
              <tr>
                <th className="num" title="Line in the file; the header is line 1">
                  Line
                </th>
                <th>Field</th>
                <th>Problem</th>
              </tr>
            }
          >
            {run.errors.slice(0, SHOWN_ERRORS).map((e) => (
              <tr key={`${e.row}:${e.field}:${e.message}`} data-testid="import-error-row" data-row={e.row}>
                <td className="num">{e.row}</td>
                <td>
                  <code>{e.field}</code>
                </td>
                <td>{e.message}</td>
              </tr>
            ))}
          </Table>
          {run.errors.length > SHOWN_ERRORS ? (
            <p className="muted">
              The first {SHOWN_ERRORS} of {run.errors.length} problems are listed.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
