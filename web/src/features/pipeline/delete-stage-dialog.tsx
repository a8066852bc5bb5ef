import { useState } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { Field } from "../../components/ui/field.tsx";
import { useDeleteStage } from "./queries.ts";
import type { Stage } from "./types.ts";

type Props = { stage: Stage; stages: Stage[]; onClose: () => void };

/** Deals in the stage move to the one chosen here; the server refuses to strand them. */
export function DeleteStageDialog({ stage, stages, onClose }: Props) {
  const remove = useDeleteStage();
  const others = stages.filter((s) => s.id !== stage.id);
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? "");
  return (
    <ConfirmDialog
      open
      title={`Delete ${stage.name}?`}
      confirmLabel="Delete stage"
      busy={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() => remove.mutate({ stage, moveTo: moveTo || undefined }, { onSuccess: onClose })}
    >
      <Field label="Move its opportunities to">
        {(id) => (
          <select id={id} value={moveTo} onChange={(e) => setMoveTo(e.target.value)} data-testid="stage-move-to">
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ConfirmDialog>
  );
}
