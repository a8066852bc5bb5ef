import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import type { Role } from "../../lib/types.ts";
import { ROLES_KEY } from "./queries.ts";
import { RoleNameDialog } from "./role-name-dialog.tsx";

type Props = { role: Role; scopes: string[]; canWrite: boolean };

export function RoleRow({ role, scopes, canWrite }: Props) {
  const client = useQueryClient();
  const toast = useToast();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [draft, setDraft] = useState<string[] | null>(null);
  const save = useMutation<Role, ApiError, string[]>({
    mutationFn: (next) => api(`/roles/${role.id}`, { method: "PATCH", body: { scopes: next } }),
    onSettled: () => setDraft(null),
    onSuccess: (saved) =>
      client.setQueryData<Role[]>(ROLES_KEY, (list) => list?.map((r) => (r.id === saved.id ? saved : r))),
  });
  const remove = useMutation<void, ApiError>({
    mutationFn: () => api(`/roles/${role.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      setDeleting(false);
      toast(`Deleted the ${role.name} role`);
      await client.invalidateQueries({ queryKey: ROLES_KEY });
    },
  });
  const current = draft ?? role.scopes;
  const toggle = (scope: string, on: boolean) => {
    const next = on ? [...current, scope] : current.filter((s) => s !== scope);
    setDraft(next); // shows the tick at once; the server's answer replaces it
    save.mutate(next);
  };
  return (
    <tr data-testid="role-row" data-role={role.name}>
      <th scope="row" className="sticky-col role-cell">
        <div className="role-name">
          <span>{role.name}</span>
          {role.preset ? <Pill tone="indigo">preset</Pill> : null}
        </div>
        {canWrite ? (
          <div className="row-actions">
            <Button size="sm" variant="ghost" onClick={() => setRenaming(true)}>
              Rename
            </Button>
            {role.preset ? null : (
              <Button size="sm" variant="ghost" onClick={() => setDeleting(true)} data-testid="delete-role">
                Delete
              </Button>
            )}
          </div>
        ) : null}
        {save.error ? <ErrorBanner error={save.error} /> : null}
        <RoleNameDialog open={renaming} role={role} onClose={() => setRenaming(false)} />
        <ConfirmDialog
          open={deleting}
          title={`Delete ${role.name}?`}
          confirmLabel="Delete role"
          onConfirm={() => remove.mutate()}
          onClose={() => {
            setDeleting(false);
            remove.reset();
          }}
          busy={remove.isPending}
          error={remove.error}
        >
          <p>Members must be moved to another role first. This cannot be undone.</p>
        </ConfirmDialog>
      </th>
      {scopes.map((scope) => (
        <td key={scope} className="check-cell">
          <input
            type="checkbox"
            aria-label={`${role.name}: ${scope}`}
            data-testid={`scope-${scope}`}
            checked={current.includes(scope)}
            disabled={!canWrite || draft !== null}
            onChange={(e) => toggle(scope, e.target.checked)}
          />
        </td>
      ))}
    </tr>
  );
}
