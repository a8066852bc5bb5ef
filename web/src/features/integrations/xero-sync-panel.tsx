import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useCan } from "../../lib/session.tsx";
import type { XeroStatus, XeroSync } from "../../lib/types.ts";
import { XERO_STATUS_KEY } from "./queries.ts";

const SYNC_KEY = ["integrations", "xero", "sync"] as const;
const INTERVALS = [5, 15, 30, 60, 240, 1440];

/** "312 of 1,204 invoices": the workspace sync's progress, its schedule, Sync Invoices and the log. */
export function XeroSyncPanel({ canWrite }: { canWrite: boolean }) {
  const client = useQueryClient();
  const canSync = useCan("invoices:write");
  const sync = useQuery({
    queryKey: SYNC_KEY,
    queryFn: () => api<XeroSync>("/integrations/xero/sync"),
    // Polled while a sync waits or runs, so its progress moves on the page.
    refetchInterval: (q) => (q.state.data?.state === "running" || q.state.data?.state === "queued" ? 1000 : false),
  });
  const start = useMutation<XeroSync, ApiError>({
    mutationFn: () => api<XeroSync>("/integrations/xero/sync", { method: "POST" }),
    onSuccess: (s) => client.setQueryData(SYNC_KEY, s),
  });
  const interval = useMutation<XeroStatus, ApiError, number>({
    mutationFn: (minutes) => api("/integrations/xero", { method: "PATCH", body: { sync_interval_minutes: minutes } }),
    onSuccess: (status) => {
      client.setQueryData(XERO_STATUS_KEY, status);
      void client.invalidateQueries({ queryKey: SYNC_KEY });
    },
  });
  const s = sync.data;
  const count = (n: number) => n.toLocaleString("en");
  const progress =
    s?.state === "running"
      ? `Syncing: ${count(s.processed)} of ${count(s.total)} invoices`
      : s?.state === "queued"
        ? "Sync queued"
        : s?.state === "failed"
          ? `Last sync stopped: ${s.last_error ?? "unknown error"}`
          : s?.finished_at
            ? `Last synced ${formatDateTime(s.finished_at)} (${count(s.processed)} invoices read)`
            : "Not synced yet";
  return (
    <div className="form" data-testid="xero-sync">
      <h3>Sync</h3>
      <ErrorBanner error={sync.error ?? start.error ?? interval.error} />
      <p data-testid="xero-sync-progress">{progress}</p>
      <p className="muted small">
        Xero's webhooks bring changes within seconds; a full sync also runs on a schedule to catch anything missed.
      </p>
      <div className="inline">
        <label className="inline">
          Sync every
          <select
            aria-label="Sync interval"
            value={s?.interval_minutes ?? 15}
            disabled={!canWrite || interval.isPending}
            onChange={(e) => interval.mutate(Number(e.target.value))}
            data-testid="xero-sync-interval"
          >
            {INTERVALS.map((m) => (
              <option key={m} value={m}>
                {m < 60 ? `${m} minutes` : m === 60 ? "hour" : m === 1440 ? "day" : `${m / 60} hours`}
              </option>
            ))}
          </select>
        </label>
        {canSync ? (
          <Button
            onClick={() => start.mutate()}
            busy={start.isPending}
            disabled={s?.state === "running" || s?.state === "queued"}
            data-testid="xero-sync-now"
          >
            Sync Invoices
          </Button>
        ) : null}
        <Link href="/settings/integrations/xero/log" data-testid="xero-log-link">
          Log
        </Link>
      </div>
    </div>
  );
}
