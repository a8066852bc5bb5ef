import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { useCan } from "../../lib/session.tsx";
import type { Opportunity } from "../../lib/types.ts";
import { EditOpportunityDialog } from "./edit-opportunity-dialog.tsx";
import { OPPORTUNITIES_KEY } from "./queries.ts";

/** Edit (opportunities:write) and Delete (opportunities:delete; the server refuses with 409 when invoiced). */
export function OpportunityActions({ opportunity }: { opportunity: Opportunity }) {
  const canWrite = useCan("opportunities:write");
  const canDelete = useCan("opportunities:delete");
  const client = useQueryClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState<"edit" | "delete" | null>(null);
  const remove = useMutation<void, ApiError>({
    mutationFn: () => api(`/opportunities/${opportunity.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      client.removeQueries({ queryKey: ["opportunity", opportunity.id] });
      await client.invalidateQueries({ queryKey: OPPORTUNITIES_KEY });
      toast(`${opportunity.name} deleted`);
      navigate("/opportunities");
    },
  });
  if (!canWrite && !canDelete) return null;
  return (
    <div className="card-actions">
      {canWrite ? (
        <Button onClick={() => setOpen("edit")} data-testid="edit-opportunity">
          Edit
        </Button>
      ) : null}
      {canDelete ? (
        <Button variant="ghost" onClick={() => setOpen("delete")} data-testid="delete-opportunity">
          Delete
        </Button>
      ) : null}
      {open === "edit" ? <EditOpportunityDialog open opportunity={opportunity} onClose={() => setOpen(null)} /> : null}
      <ConfirmDialog
        open={open === "delete"}
        title={`Delete ${opportunity.name}?`}
        confirmLabel="Delete opportunity"
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setOpen(null);
          remove.reset();
        }}
        busy={remove.isPending}
        error={remove.error}
      >
        <p>The opportunity and its product lines are deleted. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
