import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import type { ApiError } from "../../lib/api.ts";
import { useCan } from "../../lib/session.tsx";
import type { Line } from "../../lib/types.ts";
import { diffDraft, draftOf, draftProblem } from "./line-draft.ts";
import { LINE_FIELDS, LineFields } from "./line-fields.tsx";
import { PaymentSection } from "./payment-section.tsx";
import { usePatchLine } from "./use-line-mutations.ts";

type Props = { open: boolean; opportunityId: string; line: Line; onClose: () => void };

export function EditLineDialog({ open, opportunityId, line, onClose }: Props) {
  const canWrite = useCan("opportunities:write");
  const base = draftOf(line, line.currency);
  const [draft, setDraft] = useState(base);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const save = usePatchLine(opportunityId, line.id);
  const error = problem ?? save.error;
  const close = () => {
    save.reset();
    setProblem(null);
    setDraft(draftOf(line, line.currency));
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = draftProblem(draft, line.currency);
    setProblem(invalid);
    if (invalid) return;
    const patch = diffDraft(draft, base, line.currency);
    if (Object.keys(patch).length === 0) return close();
    save.mutate(patch, { onSuccess: close });
  };
  return (
    <Dialog open={open} title={line.product_name} onClose={close} testId="edit-line-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={error} shownFields={LINE_FIELDS} />
        <LineFields draft={draft} onChange={setDraft} currency={line.currency} error={error} disabled={!canWrite} />
        <PaymentSection opportunityId={opportunityId} line={line} />
        <div className="form-actions">
          <Button onClick={close}>{canWrite ? "Cancel" : "Close"}</Button>
          {canWrite ? (
            <Button type="submit" variant="primary" busy={save.isPending} data-testid="save-line">
              Save
            </Button>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
