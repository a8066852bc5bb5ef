import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { usePageList } from "../../lib/use-page-list.ts";
import { MailStatePill, recipientsOf } from "./mail-state.tsx";
import { MAIL_KEY } from "./queries.ts";
import type { MailMessage } from "./types.ts";

/** Settings → Mail log: every message Settle queued, its state, attempts and the server's last reply. */
export function MailLogPage() {
  const [state, setState] = useState("");
  const messages = usePageList<MailMessage>([...MAIL_KEY, "log"], "/mail", { state: state || undefined });
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Mail log</h1>
          <p className="muted">Invoice emails and invitations, newest first, with each delivery result.</p>
        </div>
        <select aria-label="Filter by state" value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">All states</option>
          <option value="queued">Queued</option>
          <option value="sent">Sent</option>
          <option value="failed">Failed</option>
        </select>
      </header>
      <ErrorBanner error={messages.error} onRetry={() => void messages.refetch()} />
      <Card>
        {messages.isPending ? (
          <Loading />
        ) : messages.items.length === 0 ? (
          <EmptyState title="No mail yet">
            <p className="muted">Sending an invoice or inviting a member records its email here.</p>
          </EmptyState>
        ) : (
          <Table
            testId="mail-log-table"
            head={
              <tr>
                <th>Queued</th>
                <th>To</th>
                <th>Subject</th>
                <th>State</th>
                <th>Attempts</th>
                <th>Server reply</th>
              </tr>
            }
          >
            {messages.items.map((m) => (
              <tr key={m.id} data-testid="mail-log-row" data-state={m.state}>
                <td>{formatDateTime(m.created_at)}</td>
                <td>{recipientsOf(m)}</td>
                <td>{m.subject}</td>
                <td>
                  <MailStatePill message={m} />
                </td>
                <td>{m.attempts}</td>
                <td className="small">{m.smtp_response ?? "—"}</td>
              </tr>
            ))}
          </Table>
        )}
        {messages.hasNextPage ? (
          <Button onClick={() => void messages.fetchNextPage()} busy={messages.isFetchingNextPage}>
            Load more
          </Button>
        ) : null}
      </Card>
    </div>
  );
}
