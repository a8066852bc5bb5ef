import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api, setCsrfToken } from "../../lib/api.ts";
import { ME_KEY } from "../../lib/session.tsx";

export function SignInPage() {
  const client = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation<{ csrf_token: string }, ApiError>({
    mutationFn: () => api("/session", { method: "POST", body: { email, password } }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrf_token);
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
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
