import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useSaveStage } from "./queries.ts";
import { KIND_LABEL, type Stage, type StageKind } from "./types.ts";

type Props = { stage: Stage; last: number; onDelete: () => void };

/** Rename (saved on leaving the field or Enter), change the kind, move up or down. */
export function StageRow({ stage, last, onDelete }: Props) {
  const save = useSaveStage(stage);
  const [name, setName] = useState(stage.name);
  const rename = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== stage.name) save.mutate({ name: trimmed });
    else setName(stage.name);
  };
  return (
    <>
      <tr data-testid="stage-row" data-stage={stage.name}>
        <td className="num muted">{stage.position + 1}</td>
        <td>
          <input
            aria-label={`Name of stage ${stage.position + 1}`}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            onBlur={rename}
            onKeyDown={(e) => {
              if (e.key === "Enter") rename();
            }}
            data-testid="stage-name"
          />
        </td>
        <td>
          <select
            aria-label={`Kind of ${stage.name}`}
            value={stage.kind}
            onChange={(e) => save.mutate({ kind: e.target.value as StageKind })}
            data-testid="stage-kind"
          >
            {(["open", "won", "lost"] as const).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </td>
        <td className="actions-cell">
          <div className="row-actions">
            <Button
              size="sm"
              variant="ghost"
              disabled={stage.position === 0 || save.isPending}
              aria-label={`Move ${stage.name} up`}
              onClick={() => save.mutate({ position: stage.position - 1 })}
              data-testid="stage-up"
            >
              ↑
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={stage.position === last || save.isPending}
              aria-label={`Move ${stage.name} down`}
              onClick={() => save.mutate({ position: stage.position + 1 })}
              data-testid="stage-down"
            >
              ↓
            </Button>
            <Button size="sm" variant="ghost" onClick={onDelete} data-testid="delete-stage">
              Delete
            </Button>
          </div>
        </td>
      </tr>
      {save.error ? (
        <tr>
          <td colSpan={4}>
            <ErrorBanner error={save.error} onRetry={() => save.reset()} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
