import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useMe } from "../../lib/session.tsx";
import type { InvitedMember, Member, Role } from "../../lib/types.ts";
import { InviteLink } from "./invite-member-dialog.tsx";
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
  const resend = useMutation<InvitedMember, ApiError>({
    mutationFn: () => api(`/members/${member.id}/invite`, { method: "POST", body: {} }),
    onSuccess: refresh,
  });
  const isMe = member.user_id === me.user_id;
  const expired = member.invite_expires_at !== null && Date.parse(member.invite_expires_at) < Date.now();
  return (
    <tr data-testid="member-row">
      <td>
        {member.name || "—"}
        {isMe ? <span className="muted"> (you)</span> : null}
      </td>
      <td>{member.email}</td>
      <td>
        {canWrite && !isMe ? (
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
        <Pill tone={member.status === "active" ? "green" : "amber"}>{expired ? "invite expired" : member.status}</Pill>
        {member.status === "invited" && member.invite_expires_at ? (
          <div className="muted small">
            {expired ? "Expired" : "Expires"} {formatDateTime(member.invite_expires_at)}
          </div>
        ) : null}
      </td>
      <td className="actions-cell">
        {canWrite && member.status === "invited" ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => resend.mutate()}
            busy={resend.isPending}
            data-testid="resend-invite"
          >
            Resend invite
          </Button>
        ) : null}
        {canWrite && !isMe ? (
          <Button size="sm" variant="ghost" onClick={() => setRemoving(true)}>
            Remove
          </Button>
        ) : null}
        {resend.error ? <ErrorBanner error={resend.error} /> : null}
        <Dialog
          open={Boolean(resend.data)}
          title="New invite link"
          onClose={() => resend.reset()}
          footer={<Button onClick={() => resend.reset()}>Done</Button>}
        >
          <p>The previous link no longer works.</p>
          <InviteLink email={member.email} url={resend.data?.invite_url ?? null} />
        </Dialog>
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
