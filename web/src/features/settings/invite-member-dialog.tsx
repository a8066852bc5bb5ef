import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { CopyButton } from "../../components/ui/copy-button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import type { InvitedMember, Role } from "../../lib/types.ts";
import { MEMBERS_KEY } from "./queries.ts";

export function InviteMemberDialog({ open, roles, onClose }: { open: boolean; roles: Role[]; onClose: () => void }) {
  const client = useQueryClient();
  const [email, setEmail] = useState("");
  const [roleId, setRoleId] = useState("");
  const chosenRole = roleId || roles.find((r) => r.preset === "viewer")?.id || roles[0]?.id || "";
  const invite = useMutation<InvitedMember, ApiError>({
    mutationFn: () => api("/members", { method: "POST", body: { email, role_id: chosenRole } }),
    onSuccess: () => client.invalidateQueries({ queryKey: MEMBERS_KEY }),
  });
  const close = () => {
    invite.reset();
    setEmail("");
    setRoleId("");
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  if (invite.data) {
    const url = invite.data.invite_url;
    return (
      <Dialog open={open} title="Invite sent" onClose={close} footer={<Button onClick={close}>Done</Button>}>
        <InviteLink email={invite.data.email} url={url} />
      </Dialog>
    );
  }
  return (
    <Dialog open={open} title="Invite member" onClose={close} testId="invite-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={invite.error} />
        <Field label="Email" error={invite.error?.issueFor("email")}>
          {(id) => <input id={id} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Role" error={invite.error?.issueFor("role_id")}>
          {(id) => (
            <select id={id} value={chosenRole} onChange={(e) => setRoleId(e.target.value)}>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={invite.isPending}>
            Send invite
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The invite link, shown once; it works for 7 days and for a new or an existing Settle account alike. */
export function InviteLink({ email, url }: { email: string; url: string | null }) {
  if (!url) return null;
  return (
    <>
      <p className="warning">
        Share this link with {email}. It is shown only once and works for 7 days. If they already use Settle, they
        accept with their own password.
      </p>
      <div className="secret-box">
        <code data-testid="invite-url">{url}</code>
        <CopyButton text={url} />
      </div>
    </>
  );
}
