import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { useMe } from "../../lib/session.tsx";
import { AutomationEditor } from "./automation-editor.tsx";
import { AUTOMATIONS_KEY, useAutomations } from "./queries.ts";
import { RunLog } from "./run-log.tsx";
import { ACTION_LABELS, type Automation, TRIGGERS } from "./types.ts";
import "./automations.css";

function EnabledToggle({ automation, canWrite }: { automation: Automation; canWrite: boolean }) {
  const client = useQueryClient();
  const toggle = useMutation<Automation, ApiError, boolean>({
    mutationFn: (enabled) => api(`/automations/${automation.id}`, { method: "PATCH", body: { enabled } }),
    onSuccess: () => client.invalidateQueries({ queryKey: AUTOMATIONS_KEY }),
  });
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        aria-label={`Enabled: ${automation.name}`}
        checked={toggle.isPending ? (toggle.variables ?? automation.enabled) : automation.enabled}
        disabled={!canWrite || toggle.isPending}
        onChange={(e) => toggle.mutate(e.target.checked)}
        data-testid="automation-enabled"
      />
      {automation.enabled ? "On" : "Off"}
    </label>
  );
}

/** Automations: what happens when a payment succeeds, an invoice is sent, a stage changes… and the run log. */
export function AutomationsPage() {
  const { scopes } = useMe();
  const canWrite = scopes.includes("automations:write");
  const automations = useAutomations();
  const [editing, setEditing] = useState<Automation | "new" | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const shown = automations.data?.find((a) => a.id === logOf) ?? null;
  const triggerLabel = (type: string) => TRIGGERS.find(([t]) => t === type)?.[1] ?? type;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Automations</h1>
          <p className="muted">When something happens to a payment, an invoice or an opportunity, do this.</p>
        </div>
        {canWrite ? (
          <Button variant="primary" onClick={() => setEditing("new")} data-testid="new-automation">
            New automation
          </Button>
        ) : null}
      </header>
      <ErrorBanner error={automations.error} onRetry={() => void automations.refetch()} />
      <Card>
        {automations.isPending ? (
          <Loading />
        ) : (automations.data ?? []).length === 0 ? (
          <EmptyState title="No automations yet">
            <p className="muted">For example: when a payment succeeds, email the client a thank-you.</p>
          </EmptyState>
        ) : (
          <Table
            testId="automations-table"
            head={
              <tr>
                <th>Name</th>
                <th>When</th>
                <th>Then</th>
                <th>Enabled</th>
                <th aria-label="Actions" />
              </tr>
            }
          >
            {(automations.data ?? []).map((a) => (
              <tr key={a.id} data-testid="automation-row" data-automation-id={a.id}>
                <td>{a.name}</td>
                <td>{triggerLabel(a.trigger.type)}</td>
                <td className="small">{a.actions.map((x) => ACTION_LABELS[x.type]).join(" → ")}</td>
                <td>
                  <EnabledToggle automation={a} canWrite={canWrite} />
                </td>
                <td className="row-actions">
                  <Button size="sm" onClick={() => setEditing(a)} data-testid="edit-automation">
                    {canWrite ? "Edit" : "View"}
                  </Button>
                  <Button size="sm" onClick={() => setLogOf(a.id)} data-testid="show-runs">
                    Run log
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {shown ? <RunLog automation={shown} /> : null}
      {editing ? (
        <AutomationEditor automation={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}
