import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import type { InviteAccepted } from "../../lib/types.ts";

/** /invite#<token>: the token stays in the fragment so it never reaches a server log. */
export function InvitePage() {
  const token = window.location.hash.replace(/^#/, "");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const accept = useMutation<InviteAccepted, ApiError>({
    mutationFn: () => api("/invites/accept", { method: "POST", body: { token, password, ...(name ? { name } : {}) } }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };
  if (accept.data) {
    return (
      <div className="auth-page">
        <div className="card auth-card">
          <h1>You're in</h1>
          <p>
            You joined <strong>{accept.data.workspace_name}</strong>. Sign in as <strong>{accept.data.email}</strong>{" "}
            and choose it if you belong to several workspaces.
          </p>
          <Link href="/" className="btn btn-primary btn-block">
            Go to sign in
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={submit}>
        <div className="brand brand-dark">Settle</div>
        <h1>Accept your invite</h1>
        {token ? null : (
          <p className="error-banner">This link has no invite token. Open the full link you were sent.</p>
        )}
        <ErrorBanner error={accept.error} />
        <Field label="Your name (optional)" error={accept.error?.issueFor("name")}>
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <p className="muted">
          New to Settle? Choose a password of at least 12 characters that is not a common one. Already have a Settle
          account? Enter its password: accepting an invite never changes it.
        </p>
        <Field label="Password" error={accept.error?.issueFor("password")}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" busy={accept.isPending} disabled={!token} className="btn-block">
          Accept invite
        </Button>
      </form>
    </div>
  );
}
