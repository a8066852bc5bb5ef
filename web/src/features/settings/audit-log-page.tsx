import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatDateTime } from "../../lib/format.ts";
import type { AuditEvent } from "../../lib/types.ts";
import { usePageList } from "../../lib/use-page-list.ts";

const ACTIONS: Record<string, string> = {
  "session.sign_in": "Signed in",
  "session.sign_in_failed": "Sign-in failed",
  "session.switch_workspace": "Switched workspace",
  "member.invited": "Invited a member",
  "member.invite_accepted": "Accepted an invite",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "role.created": "Created a role",
  "role.updated": "Edited a role",
  "role.deleted": "Deleted a role",
  "api_key.created": "Created an API key",
  "api_key.updated": "Edited an API key",
  "api_key.revoked": "Revoked an API key",
  "integration.connected": "Connected an integration",
  "integration.disconnected": "Disconnected an integration",
  "oauth.grant_created": "Connected an app",
  "oauth.grant_revoked": "Disconnected an app",
  "branding.updated": "Changed invoice branding",
  "portal_link.created": "Created a client portal link",
  "portal_link.revoked": "Revoked a client portal link",
};

type Change = { from: unknown; to: unknown };
const isChanges = (v: unknown): v is Record<string, Change> =>
  typeof v === "object" && v !== null && Object.values(v).every((c) => typeof c === "object" && c && "to" in c);
const shown = (v: unknown) => (v === null || v === undefined ? "(none)" : `“${String(v)}”`);

/** Details as a line: lists joined, and a branding change as each field's old → new value. */
function describe(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => {
      if (isChanges(v)) {
        return Object.entries(v)
          .map(([field, c]) => `${field.replace(/_/g, " ")}: ${shown(c.from)} → ${shown(c.to)}`)
          .join(" · ");
      }
      return `${k.replace(/_/g, " ")}: ${Array.isArray(v) ? v.join(", ") : String(v)}`;
    })
    .join(" · ");
}

/** Who changed access, from where, and when: for admins (members:write). */
export function AuditLogPage() {
  const [action, setAction] = useState("");
  const events = usePageList<AuditEvent>(["audit-events"], "/audit-events", { action: action || undefined });
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted">Sign-ins, members, roles, API keys and integrations, newest first.</p>
        </div>
        <select aria-label="Filter by action" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">All actions</option>
          {Object.entries(ACTIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </header>
      <ErrorBanner error={events.error} onRetry={() => void events.refetch()} />
      <Card>
        {events.isPending ? (
          <Loading />
        ) : events.items.length === 0 ? (
          <EmptyState title="Nothing recorded yet">
            <p className="muted">Changes to access appear here as they happen.</p>
          </EmptyState>
        ) : (
          <Table
            testId="audit-table"
            head={
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>Details</th>
                <th>IP</th>
              </tr>
            }
          >
            {events.items.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td>{formatDateTime(e.created_at)}</td>
                <td>
                  {e.actor.label || e.actor.kind}
                  {e.actor.kind === "api_key" ? <span className="muted"> (API key)</span> : null}
                </td>
                <td>{ACTIONS[e.action] ?? e.action}</td>
                <td className="muted small" title={e.request_id ?? undefined}>
                  {describe(e.details)}
                </td>
                <td className="muted small">{e.ip ?? "—"}</td>
              </tr>
            ))}
          </Table>
        )}
        {events.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => void events.fetchNextPage()} busy={events.isFetchingNextPage}>
              Load more
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
