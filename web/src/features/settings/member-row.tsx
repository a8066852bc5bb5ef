import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { useMe } from "../../lib/session.tsx";
import type { Member, Role } from "../../lib/types.ts";
import { MEMBERS_KEY } from "./queries.ts";

type Props = { member: Member; roles: Role[]; canWrite: boolean };

export function MemberRow({ member, roles, canWrite }: Props) {
  const client = useQueryClient();
  const me = useMe();
  const [removing, setRemoving] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: MEMBERS_KEY });
  const changeRole = useMutation<Member, ApiError, string>({
    mutationFn: (roleId) => api(`/members/${member.id}`, { method: "PATCH", body: { role_id: roleId } }),
    onSettled: refresh,
  });
  const remove = useMutation<void, ApiError>({
    mutationFn: () => api(`/members/${member.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      setRemoving(false);
      await refresh();
    },
  });
  const isMe = member.user_id === me.user_id;
  return (
    <tr data-testid="member-row">
      <td>
        {member.name || "—"}
        {isMe ? <span className="muted"> (you)</span> : null}
      </td>
      <td>{member.email}</td>
      <td>
        {canWrite ? (
          <select
            aria-label={`Role for ${member.email}`}
            value={changeRole.isPending ? changeRole.variables : member.role_id}
            disabled={changeRole.isPending}
            onChange={(e) => changeRole.mutate(e.target.value)}
          >
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        ) : (
          member.role_name
        )}
        {changeRole.error ? <ErrorBanner error={changeRole.error} /> : null}
      </td>
      <td>
        <Pill tone={member.status === "active" ? "green" : "amber"}>{member.status}</Pill>
      </td>
      <td className="actions-cell">
        {canWrite && !isMe ? (
          <Button size="sm" variant="ghost" onClick={() => setRemoving(true)}>
            Remove
          </Button>
        ) : null}
        <ConfirmDialog
          open={removing}
          title={`Remove ${member.email}?`}
          confirmLabel="Remove member"
          onConfirm={() => remove.mutate()}
          onClose={() => {
            setRemoving(false);
            remove.reset();
          }}
          busy={remove.isPending}
          error={remove.error}
        >
          <p>They lose access immediately and their API keys are revoked.</p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
