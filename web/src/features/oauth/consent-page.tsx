import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useSearch } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import type { OAuthConsent } from "../../lib/types.ts";
import { ScopeChecklist } from "../settings/scope-checklist.tsx";

const FIELDS = ["client_id", "redirect_uri", "code_challenge", "code_challenge_method", "scope", "state"] as const;

/**
 * The OAuth consent screen: /oauth2/authorize sends the member here with the client's request. They see who asks
 * for what, untick what they would rather not give, and the decision is posted with their session.
 */
export function ConsentPage() {
  const params = new URLSearchParams(useSearch());
  const request = Object.fromEntries(FIELDS.flatMap((f) => (params.get(f) === null ? [] : [[f, params.get(f) ?? ""]])));
  const consent = useQuery<OAuthConsent, ApiError>({
    queryKey: ["oauth-consent", request],
    queryFn: () => api<OAuthConsent>("/oauth/consent", { query: request }),
    retry: false,
  });
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => setSelected(consent.data?.offered_scopes ?? []), [consent.data]);
  const decide = useMutation<{ redirect_to: string }, ApiError, boolean>({
    mutationFn: (approve) =>
      api("/oauth/consent", { method: "POST", body: { ...request, approve, scopes: approve ? selected : [] } }),
    onSuccess: ({ redirect_to }) => window.location.assign(redirect_to),
  });
  const data = consent.data;
  const withheld = data ? data.requested_scopes.filter((s) => !data.offered_scopes.includes(s)) : [];
  return (
    <div className="page" data-testid="consent-page">
      <header className="page-header">
        <div>
          <h1>Connect {data?.client.name ?? "an app"} to Settle</h1>
          <p className="muted">
            It will act as you in this workspace, with the scopes you leave ticked, until you revoke it under Settings →
            Connected apps. It can never do more than your role allows.
          </p>
        </div>
      </header>
      <ErrorBanner error={consent.error ?? decide.error} />
      {consent.isPending ? (
        <Loading />
      ) : data ? (
        <Card>
          <p>
            <strong data-testid="consent-client">{data.client.name}</strong> asks for these scopes. After approving you
            return to <code>{data.redirect_uri}</code>.
          </p>
          <ScopeChecklist available={data.offered_scopes} selected={selected} onChange={setSelected} />
          {withheld.length > 0 ? (
            <p className="muted">Not yours to give, so not granted: {withheld.join(", ")}.</p>
          ) : null}
          <div className="form-actions">
            <Button onClick={() => decide.mutate(false)} busy={decide.isPending && decide.variables === false}>
              Deny
            </Button>
            <Button
              variant="primary"
              onClick={() => decide.mutate(true)}
              disabled={selected.length === 0}
              busy={decide.isPending && decide.variables === true}
              data-testid="consent-approve"
            >
              Approve {selected.length} scope{selected.length === 1 ? "" : "s"}
            </Button>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
