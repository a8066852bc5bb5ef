import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import type { ConnectedApp } from "../../lib/types.ts";

const KEY = ["connected-apps"];

function ConnectedAppRow({ app }: { app: ConnectedApp }) {
  const client = useQueryClient();
  const [revoking, setRevoking] = useState(false);
  const revoke = useMutation<void, ApiError>({
    mutationFn: () => api(`/oauth/grants/${app.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      setRevoking(false);
      await client.invalidateQueries({ queryKey: KEY });
    },
  });
  return (
    <tr data-testid="connected-app-row" data-name={app.client_name}>
      <td>{app.client_name}</td>
      <td>
        <span className="scope-summary" title={app.scopes.join(", ")}>
          {app.scopes.length} scope{app.scopes.length === 1 ? "" : "s"}
        </span>
      </td>
      <td>{formatDateTime(app.created_at)}</td>
      <td>{app.last_used_at ? formatDateTime(app.last_used_at) : <span className="muted">Never</span>}</td>
      <td className="actions-cell">
        <Button size="sm" variant="ghost" onClick={() => setRevoking(true)} data-testid="revoke-app">
          Revoke
        </Button>
        <ConfirmDialog
          open={revoking}
          title={`Revoke ${app.client_name}?`}
          confirmLabel="Revoke access"
          onConfirm={() => revoke.mutate()}
          onClose={() => {
            setRevoking(false);
            revoke.reset();
          }}
          busy={revoke.isPending}
          error={revoke.error}
        >
          <p>The app's tokens stop working at once; it has to ask you again to reconnect.</p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}

/** The apps the signed-in member connected over OAuth (MCP clients), each with Revoke. */
export function ConnectedAppsPage() {
  const apps = useQuery<{ data: ConnectedApp[] }, ApiError>({
    queryKey: KEY,
    queryFn: () => api("/oauth/grants"),
  });
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Connected apps</h1>
          <p className="muted">
            Apps you approved over OAuth act as you with the scopes you gave them, never beyond your current role.
          </p>
        </div>
      </header>
      <ErrorBanner error={apps.error} onRetry={() => void apps.refetch()} />
      <Card>
        {apps.isPending ? (
          <Loading />
        ) : (apps.data?.data ?? []).length === 0 ? (
          <EmptyState title="No connected apps">
            <p className="muted">Connect an MCP client to {window.location.origin}/mcp and approve it here.</p>
          </EmptyState>
        ) : (
          <Table
            testId="connected-apps-table"
            head={
              <tr>
                <th>App</th>
                <th>Scopes</th>
                <th>Connected</th>
                <th>Last used</th>
                <th aria-label="Actions" />
              </tr>
            }
          >
            {(apps.data?.data ?? []).map((app) => (
              <ConnectedAppRow key={app.id} app={app} />
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
