import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api, setCsrfToken } from "../../lib/api.ts";
import { ME_KEY } from "../../lib/session.tsx";
import type { SignedIn, WorkspaceChoice } from "../../lib/types.ts";
import { WorkspaceChooser } from "./workspace-chooser.tsx";

export function SignInPage() {
  const client = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [choices, setChoices] = useState<WorkspaceChoice[]>([]);
  const enter = () => client.invalidateQueries({ queryKey: ME_KEY });
  const signIn = useMutation<SignedIn, ApiError>({
    mutationFn: () => api("/session", { method: "POST", body: { email, password } }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrf_token);
      if (session.workspaces.length > 1) {
        setChoices(session.workspaces);
        return;
      }
      await enter();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  if (choices.length > 1) {
    return <WorkspaceChooser workspaces={choices} onChosen={() => void enter()} />;
  }
  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={submit} data-testid="sign-in-form">
        <div className="brand brand-dark">Settle</div>
        <h1>Sign in</h1>
        <ErrorBanner error={signIn.error} />
        <Field label="Email" error={signIn.error?.issueFor("email")}>
          {(id) => (
            <input
              id={id}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={signIn.error?.issueFor("password")}>
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
        <Button type="submit" variant="primary" busy={signIn.isPending} className="btn-block">
          Sign in
        </Button>
      </form>
    </div>
  );
}
