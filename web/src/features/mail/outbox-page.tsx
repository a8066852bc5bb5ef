import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { usePageList } from "../../lib/use-page-list.ts";
import { MailStatePill, recipientsOf } from "./mail-state.tsx";
import { MAIL_KEY, useMailMessage } from "./queries.ts";
import type { MailMessage } from "./types.ts";
import "./mail.css";

/**
 * The Outbox: mail as its recipients see it. With no SMTP server configured this is where mail goes; with one,
 * it shows what was sent. The message is rendered in a sandboxed frame (no scripts, no same-origin access);
 * its links open in a new tab.
 */
export function OutboxPage() {
  const messages = usePageList<MailMessage>([...MAIL_KEY, "outbox"], "/mail");
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? messages.items[0]?.id ?? null;
  const detail = useMailMessage(current);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Outbox</h1>
          <p className="muted">
            Mail Settle sent, rendered. Without an SMTP server (SMTP_URL) mail stays here instead of leaving.
          </p>
        </div>
      </header>
      <ErrorBanner error={messages.error ?? detail.error} onRetry={() => void messages.refetch()} />
      {messages.isPending ? (
        <Loading />
      ) : messages.items.length === 0 ? (
        <Card>
          <EmptyState title="The Outbox is empty">
            <p className="muted">Send an invoice to see its email here.</p>
          </EmptyState>
        </Card>
      ) : (
        <div className="outbox">
          <Card>
            <ul className="outbox-list" data-testid="outbox-list">
              {messages.items.map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    className={m.id === current ? "outbox-item active" : "outbox-item"}
                    onClick={() => setSelected(m.id)}
                    data-testid="outbox-item"
                    data-mail-id={m.id}
                  >
                    <strong>{m.subject}</strong>
                    <span className="muted small">{recipientsOf(m)}</span>
                    <span className="small">
                      <MailStatePill message={m} /> {formatDateTime(m.created_at)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {messages.hasNextPage ? (
              <Button onClick={() => void messages.fetchNextPage()} busy={messages.isFetchingNextPage}>
                Load more
              </Button>
            ) : null}
          </Card>
          <Card>
            {detail.data ? (
              <div className="outbox-message" data-testid="outbox-message">
                <dl className="outbox-headers">
                  <dt>From</dt>
                  <dd>{detail.data.from}</dd>
                  <dt>To</dt>
                  <dd data-testid="outbox-to">{recipientsOf(detail.data)}</dd>
                  <dt>Subject</dt>
                  <dd data-testid="outbox-subject">{detail.data.subject}</dd>
                  {detail.data.attachments.length > 0 ? (
                    <>
                      <dt>Attached</dt>
                      <dd>{detail.data.attachments.map((a) => a.filename).join(", ")}</dd>
                    </>
                  ) : null}
                </dl>
                <iframe
                  title={`Email: ${detail.data.subject}`}
                  className="outbox-frame"
                  sandbox="allow-popups allow-popups-to-escape-sandbox"
                  srcDoc={withLinksInNewTab(detail.data.preview_html)}
                  data-testid="outbox-frame"
                />
              </div>
            ) : (
              <Loading />
            )}
          </Card>
        </div>
      )}
    </div>
  );
}

/** A link in the frame would otherwise navigate the sandboxed frame itself; a <base> sends every link to a new tab. */
function withLinksInNewTab(html: string): string {
  return html.replace(/<head>/i, '<head><base target="_blank">');
}
