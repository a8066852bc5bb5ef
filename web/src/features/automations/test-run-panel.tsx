import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useEventsOf } from "./queries.ts";
import type { Automation, AutomationTestRun } from "./types.ts";

/** A dry run of the saved automation against a chosen past event: what each action would do. */
export function TestRunPanel({ automation }: { automation: Automation }) {
  const events = useEventsOf(automation.trigger.type, true);
  const [eventId, setEventId] = useState("");
  const chosen = eventId || events.data?.[0]?.id || "";
  const run = useMutation<AutomationTestRun, ApiError>({
    mutationFn: () => api(`/automations/${automation.id}/test-run`, { method: "POST", body: { event_id: chosen } }),
  });
  return (
    <section className="automation-test-run" data-testid="test-run">
      <h3>Test run</h3>
      <p className="muted small">
        Runs the saved automation against a past event without sending or changing anything.
      </p>
      <div className="automation-row">
        {events.data && events.data.length > 0 ? (
          <select aria-label="Past event" value={chosen} onChange={(e) => setEventId(e.target.value)}>
            {events.data.map((e) => (
              <option key={e.id} value={e.id}>
                {formatDateTime(e.occurred_at)} · {e.type} · {e.invoice_id ?? e.opportunity_id ?? e.id}
              </option>
            ))}
          </select>
        ) : (
          <input
            aria-label="Event id"
            placeholder="Event id (bev_…)"
            value={eventId}
            maxLength={64}
            onChange={(e) => setEventId(e.target.value)}
          />
        )}
        <Button disabled={!chosen} busy={run.isPending} onClick={() => run.mutate()} data-testid="run-test">
          Test run
        </Button>
      </div>
      <ErrorBanner error={run.error} />
      {run.data ? (
        <div data-testid="test-run-result">
          <p>
            {run.data.would_run
              ? "This event would run the automation:"
              : run.data.trigger_matches
                ? "The conditions do not match this event; nothing would run. Each action would:"
                : "This event is not the automation's trigger. Each action would:"}
          </p>
          <ol>
            {run.data.actions.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the dry run's actions are in the automation's order
              <li key={i} data-testid="test-run-action">
                {a.would}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
