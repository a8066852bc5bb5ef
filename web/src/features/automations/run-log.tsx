import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill, type Tone } from "../../components/ui/pill.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useCan } from "../../lib/session.tsx";
import { runsKey, useRuns } from "./queries.ts";
import type { Automation, AutomationRun } from "./types.ts";

const TONES: Record<string, Tone> = {
  succeeded: "green",
  failed: "red",
  dead: "red",
  running: "blue",
  pending: "amber",
  skipped: "grey",
};

function ActionOutcome({
  automationId,
  run,
  action,
}: {
  automationId: string;
  run: AutomationRun;
  action: AutomationRun["actions"][number];
}) {
  const client = useQueryClient();
  const retry = useMutation<unknown, ApiError>({
    mutationFn: () => api(`/automations/${automationId}/runs/${run.id}/actions/${action.id}/retry`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: runsKey(automationId) }),
  });
  return (
    <li data-testid="run-action" data-status={action.status}>
      <code>{action.type}</code> <Pill tone={TONES[action.status] ?? "grey"}>{action.status}</Pill>{" "}
      <span className="muted small">
        {action.attempts} attempt{action.attempts === 1 ? "" : "s"}
        {action.response_status ? ` · HTTP ${action.response_status}` : ""}
        {action.next_retry_at ? ` · next retry ${formatDateTime(action.next_retry_at)}` : ""}
      </span>
      {action.error ? <div className="muted small">{action.error}</div> : null}
      {action.response_excerpt ? <pre className="small">{action.response_excerpt}</pre> : null}
      {action.status === "failed" || action.status === "dead" ? (
        <Button size="sm" busy={retry.isPending} onClick={() => retry.mutate()} data-testid="retry-action">
          Retry
        </Button>
      ) : null}
      <ErrorBanner error={retry.error} />
    </li>
  );
}

/** Runs the automation again for this run's event, as a new numbered run (admins only; absent otherwise). */
function ReplayButton({ automationId, eventId }: { automationId: string; eventId: string }) {
  const client = useQueryClient();
  const replay = useMutation<unknown, ApiError>({
    mutationFn: () => api(`/automations/${automationId}/replay`, { method: "POST", body: { event_id: eventId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: runsKey(automationId) }),
  });
  return (
    <>
      <Button size="sm" busy={replay.isPending} onClick={() => replay.mutate()} data-testid="replay-run">
        Replay
      </Button>
      <ErrorBanner error={replay.error} />
    </>
  );
}

/** Each run with its event, result and per-action outcome, newest first. */
export function RunLog({ automation }: { automation: Automation }) {
  const runs = useRuns(automation.id);
  const canWrite = useCan("automations:write");
  const isAdmin = useCan("settings:write");
  const canReplay = canWrite && isAdmin;
  return (
    <Card
      title={`Run log: ${automation.name}`}
      testId="run-log"
      actions={
        <Button size="sm" onClick={() => void runs.refetch()} busy={runs.isRefetching} data-testid="refresh-runs">
          Refresh
        </Button>
      }
    >
      <ErrorBanner error={runs.error} onRetry={() => void runs.refetch()} />
      {runs.isPending ? (
        <Loading />
      ) : (runs.data ?? []).length === 0 ? (
        <EmptyState title="No runs yet">
          <p className="muted">Runs appear here when the trigger's event happens.</p>
        </EmptyState>
      ) : (
        <ul className="run-list">
          {(runs.data ?? []).map((run) => (
            <li key={run.id} data-testid="run" data-status={run.status}>
              <div>
                <Pill tone={TONES[run.status] ?? "grey"} testId="run-status">
                  {run.status}
                </Pill>{" "}
                <strong>{run.event_type ?? "event"}</strong> <span className="muted small">{run.event_id}</span>{" "}
                <span className="muted small">{formatDateTime(run.created_at)}</span>
                {run.replay > 0 ? <span className="muted small"> · replay {run.replay}</span> : null}{" "}
                {canReplay ? <ReplayButton automationId={automation.id} eventId={run.event_id} /> : null}
              </div>
              {run.note ? <p className="muted small">{run.note}</p> : null}
              <ol>
                {run.actions.map((action) => (
                  <ActionOutcome key={action.id} automationId={automation.id} run={run} action={action} />
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
