import { useState } from "react";
import { Link, useSearch } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatDateTime } from "../../lib/format.ts";
import type { XeroLogEntry } from "../../lib/types.ts";
import { usePageList } from "../../lib/use-page-list.ts";

const TONES = { ok: "green", failed: "red", rate_limited: "amber", in_flight: "grey" } as const;

/**
 * Settings → Integrations → Xero → Log: every call Settle made to Xero in the last 30 days, with Xero's own
 * words and what to do about a failure. ?record=<id> shows one invoice's (or opportunity's) timeline.
 */
export function XeroLogPage() {
  const params = new URLSearchParams(useSearch());
  const [outcome, setOutcome] = useState("");
  const [record, setRecord] = useState(params.get("record") ?? "");
  const entries = usePageList<XeroLogEntry>(["integrations", "xero", "log"], "/integrations/xero/log", {
    outcome: outcome || undefined,
    record_id: record.trim() || undefined,
  });
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Xero log</h1>
          <p className="muted">
            Every call to Xero, newest first, kept 30 days.{" "}
            <Link href="/settings/integrations">Back to Integrations</Link>
          </p>
        </div>
        <div className="inline">
          <input
            aria-label="Filter by record"
            placeholder="Record id (inv_…)"
            value={record}
            maxLength={64}
            onChange={(e) => setRecord(e.target.value)}
            data-testid="xero-log-record"
          />
          <select aria-label="Filter by outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="">All outcomes</option>
            <option value="ok">OK</option>
            <option value="failed">Failed</option>
            <option value="rate_limited">Rate limited</option>
            <option value="in_flight">In flight</option>
          </select>
        </div>
      </header>
      <ErrorBanner error={entries.error} onRetry={() => void entries.refetch()} />
      <Card>
        {entries.isPending ? (
          <Loading />
        ) : entries.items.length === 0 ? (
          <EmptyState title="No Xero calls">
            <p className="muted">Connecting, syncing and invoicing through Xero record each call here.</p>
          </EmptyState>
        ) : (
          <Table
            testId="xero-log-table"
            head={
              <tr>
                <th>Time</th>
                <th>Action</th>
                <th>Outcome</th>
                <th>HTTP</th>
                <th>Duration</th>
                <th>Record</th>
                <th>Xero's message</th>
                <th>Fix</th>
              </tr>
            }
          >
            {entries.items.map((e) => (
              <tr key={e.id} data-testid="xero-log-row" data-outcome={e.outcome}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.action}</td>
                <td>
                  <Pill tone={TONES[e.outcome]}>{e.outcome.replace("_", " ")}</Pill>
                </td>
                <td>{e.http_status ?? "—"}</td>
                <td>{e.duration_ms === null ? "—" : `${e.duration_ms} ms`}</td>
                <td className="small">{e.record_id ?? "—"}</td>
                <td className="small">{e.message ?? "—"}</td>
                <td className="small">{e.fix ?? "—"}</td>
              </tr>
            ))}
          </Table>
        )}
        {entries.hasNextPage ? (
          <Button onClick={() => void entries.fetchNextPage()} busy={entries.isFetchingNextPage}>
            Load more
          </Button>
        ) : null}
      </Card>
    </div>
  );
}
