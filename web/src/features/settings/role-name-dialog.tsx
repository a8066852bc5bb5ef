import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import type { Role } from "../../lib/types.ts";
import { ROLES_KEY } from "./queries.ts";

/** Create a custom role (no role given) or rename one. */
export function RoleNameDialog({ open, role, onClose }: { open: boolean; role?: Role; onClose: () => void }) {
  const client = useQueryClient();
  const [name, setName] = useState(role?.name ?? "");
  const save = useMutation<Role, ApiError>({
    mutationFn: () =>
      role
        ? api(`/roles/${role.id}`, { method: "PATCH", body: { name } })
        : api("/roles", { method: "POST", body: { name, scopes: [] } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ROLES_KEY });
      close();
    },
  });
  const close = () => {
    save.reset();
    setName(role?.name ?? "");
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Dialog open={open} title={role ? `Rename ${role.name}` : "New role"} onClose={close} testId="role-dialog">
      <form onSubmit={submit} className="form">
        <ErrorBanner error={save.error} />
        <Field label="Role name" error={save.error?.issueFor("name")}>
          {(id) => <input id={id} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        {role ? null : <p className="muted">Tick its scopes in the grid after creating it.</p>}
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending} data-testid="save-role">
            {role ? "Rename" : "Create role"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
