import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { DeleteStageDialog } from "./delete-stage-dialog.tsx";
import { useSaveStage, useStages } from "./queries.ts";
import { StageRow } from "./stage-row.tsx";
import { KIND_LABEL, type Stage, type StageKind } from "./types.ts";

/** Settings → Stages (settings:write): the workspace's own pipeline, the board's columns in order. */
export function StagesPage() {
  const stages = useStages();
  const add = useSaveStage(null);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<StageKind>("open");
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const list = stages.data ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ name: name.trim(), kind }, { onSuccess: () => setName("") });
  };
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Stages</h1>
          <p className="muted">
            The pipeline's columns, in order. A deal moved into a Won or Lost stage is won or lost.
          </p>
        </div>
      </header>
      <ErrorBanner error={stages.error} onRetry={() => void stages.refetch()} />
      <Card>
        {stages.isPending ? (
          <Loading />
        ) : (
          <Table
            testId="stage-table"
            head={
              <tr>
                <th className="num">#</th>
                <th>Name</th>
                <th>Kind</th>
                <th aria-label="Actions" />
              </tr>
            }
          >
            {list.map((s) => (
              // Keyed by name and position too: a rename or move elsewhere resets the row's typed text.
              <StageRow
                key={`${s.id}:${s.name}:${s.position}`}
                stage={s}
                last={list.length - 1}
                onDelete={() => setDeleting(s)}
              />
            ))}
          </Table>
        )}
        <form className="toolbar stage-add" onSubmit={submit}>
          <input
            aria-label="New stage name"
            placeholder="New stage name"
            required
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="new-stage-name"
          />
          <select aria-label="New stage kind" value={kind} onChange={(e) => setKind(e.target.value as StageKind)}>
            {(["open", "won", "lost"] as const).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
          <Button type="submit" variant="primary" busy={add.isPending} data-testid="add-stage">
            Add stage
          </Button>
        </form>
        <ErrorBanner error={add.error} />
      </Card>
      {deleting ? <DeleteStageDialog stage={deleting} stages={list} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}
