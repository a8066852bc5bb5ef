import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { useMe } from "../../lib/session.tsx";
import { csvHeader, normalise } from "./csv-header.ts";
import { DEFAULT_KEY, ENTITY_LABEL, IMPORT_FIELDS, toApiMapping } from "./import-fields.ts";
import { ImportResult } from "./import-result.tsx";
import { MappingTable } from "./mapping-table.tsx";
import { useImportRun, useStartImport } from "./queries.ts";
import type { ImportEntity } from "./types.ts";
import "./imports.css";

const ENTITIES: ImportEntity[] = ["companies", "contacts", "products", "opportunities"];
/** The API takes up to a million characters; saying so before the upload saves a round trip. */
const MAX_CHARS = 1_000_000;

/** Each field mapped to the column of the same name, ignoring case, spaces and punctuation. */
function guessMapping(entity: ImportEntity, columns: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const field of IMPORT_FIELDS[entity]) {
    const column = columns.find(
      (c) => normalise(c) === normalise(field.name) || normalise(c) === normalise(field.label),
    );
    if (column) mapping[field.name] = column;
  }
  return mapping;
}

type File = { name: string; csv: string; columns: string[] };

export function ImportPage() {
  const { scopes } = useMe();
  const allowed = ENTITIES.filter((e) => scopes.includes(`${e}:write`));
  const [entity, setEntity] = useState<ImportEntity>(allowed[0] ?? "companies");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [keyField, setKeyField] = useState(DEFAULT_KEY[entity]);
  const start = useStartImport();
  const run = useImportRun(start.data);
  const dryRun = start.variables?.dry_run ?? true;

  const choose = (next: ImportEntity, chosen: File | null) => {
    setEntity(next);
    setKeyField(DEFAULT_KEY[next]);
    setMapping(chosen ? guessMapping(next, chosen.columns) : {});
    start.reset();
  };
  const read = async (picked: globalThis.File | undefined) => {
    setFileError(null);
    if (!picked) return;
    const csv = await picked.text();
    if (csv.length > MAX_CHARS) {
      setFileError(`${picked.name} is over 1 MB. Split it into smaller files and import them one after another.`);
      return;
    }
    const columns = csvHeader(csv);
    if (columns.length === 0) {
      setFileError(`${picked.name} has no header row. The first line must name the columns.`);
      return;
    }
    const next = { name: picked.name, csv, columns };
    setFile(next);
    choose(entity, next);
  };
  const send = (dry: boolean) =>
    file &&
    start.mutate({
      entity,
      csv: file.csv,
      mapping: toApiMapping(mapping),
      ...(mapping[keyField] ? { key_column: keyField } : {}),
      dry_run: dry,
    });
  const current = run.data ?? start.data;
  const busy =
    start.isPending ||
    (current !== undefined && !dryRun && current.status !== "completed" && current.status !== "failed");

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Import</h1>
          <p className="muted">
            Bring in a CSV file. Check it first: every row is validated and nothing is written. Importing the same file
            again updates the rows it matches by the key column instead of adding them twice.
          </p>
        </div>
      </header>
      <Card title="1. File">
        <div className="grid-2">
          <Field label="What the file holds">
            {(id) => (
              <select
                id={id}
                value={entity}
                onChange={(e) => choose(e.target.value as ImportEntity, file)}
                data-testid="import-entity"
              >
                {allowed.map((e) => (
                  <option key={e} value={e}>
                    {ENTITY_LABEL[e]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="CSV file"
            error={fileError ?? undefined}
            hint={file ? `${file.name}: ${file.columns.length} columns` : undefined}
          >
            {(id) => (
              <input
                id={id}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => void read(e.target.files?.[0])}
                data-testid="import-file"
              />
            )}
          </Field>
        </div>
      </Card>
      {file ? (
        <Card title="2. Columns">
          <MappingTable fields={IMPORT_FIELDS[entity]} columns={file.columns} mapping={mapping} onChange={setMapping} />
          <div className="toolbar import-key">
            <Field label="Key column (matches rows on a re-run)">
              {(id) => (
                <select id={id} value={keyField} onChange={(e) => setKeyField(e.target.value)} data-testid="import-key">
                  {IMPORT_FIELDS[entity].map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </Card>
      ) : null}
      {file ? (
        <Card
          title="3. Check and import"
          actions={
            <>
              <Button
                onClick={() => send(true)}
                busy={start.isPending && dryRun}
                disabled={busy}
                data-testid="import-dry-run"
              >
                Check (dry run)
              </Button>
              <Button
                variant="primary"
                onClick={() => send(false)}
                busy={busy && !dryRun}
                disabled={busy}
                data-testid="import-run"
              >
                Import
              </Button>
            </>
          }
        >
          <ErrorBanner error={start.error ?? run.error} />
          {current ? <ImportResult run={current} dryRun={dryRun} /> : <p className="muted">Nothing checked yet.</p>}
        </Card>
      ) : null}
    </div>
  );
}
