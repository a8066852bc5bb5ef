import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { humanise } from "../../lib/format.ts";
import type { Opportunity, OpportunityStatus } from "../../lib/types.ts";
import { useStages } from "../pipeline/queries.ts";
import { OPPORTUNITIES_KEY, opportunityKey } from "./queries.ts";

const STATUSES: OpportunityStatus[] = ["open", "won", "lost"];
const FIELDS = ["name", "stage_id", "status"];

type Props = { open: boolean; opportunity: Opportunity; onClose: () => void };

/** Name, stage (one of the workspace's pipeline) and status open/won/lost. */
export function EditOpportunityDialog({ open, opportunity, onClose }: Props) {
  const client = useQueryClient();
  const [name, setName] = useState(opportunity.name);
  const stages = useStages(open);
  const [stageId, setStageId] = useState(opportunity.stage_id ?? "");
  const [status, setStatus] = useState<OpportunityStatus>(opportunity.status);
  const save = useMutation<Opportunity, ApiError>({
    mutationFn: () =>
      api(`/opportunities/${opportunity.id}`, {
        method: "PATCH",
        body: {
          name: name.trim(),
          // The stage's kind sets the status unless the status was changed here too.
          ...(stageId && stageId !== opportunity.stage_id ? { stage_id: stageId } : {}),
          ...(status !== opportunity.status ? { status } : {}),
        },
      }),
    onSuccess: async (saved) => {
      client.setQueryData(opportunityKey(opportunity.id), (old: Opportunity | undefined) => ({ ...old, ...saved }));
      await client.invalidateQueries({ queryKey: OPPORTUNITIES_KEY });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Dialog open={open} title="Edit opportunity" onClose={onClose} testId="edit-opportunity-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={save.error} shownFields={FIELDS} />
        <Field label="Name" error={save.error?.issueFor("name")}>
          {(id) => <input id={id} required value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="grid-2">
          <Field label="Stage" error={save.error?.issueFor("stage_id")}>
            {(id) => (
              <select
                id={id}
                value={stageId}
                onChange={(e) => setStageId(e.target.value)}
                data-testid="opportunity-stage-select"
              >
                {stageId ? null : <option value="">{opportunity.stage}</option>}
                {(stages.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Status" error={save.error?.issueFor("status")}>
            {(id) => (
              <select
                id={id}
                value={status}
                onChange={(e) => setStatus(e.target.value as OpportunityStatus)}
                data-testid="opportunity-status-select"
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {humanise(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending} data-testid="save-opportunity">
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
