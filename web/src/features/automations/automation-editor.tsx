import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { CopyButton } from "../../components/ui/copy-button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { ActionFields } from "./action-fields.tsx";
import { ConditionRows } from "./condition-rows.tsx";
import { AUTOMATIONS_KEY } from "./queries.ts";
import { TestRunPanel } from "./test-run-panel.tsx";
import {
  type ActionDraft,
  type Automation,
  actionBody,
  type ConditionDraft,
  conditionBody,
  draftOf,
  emptyAction,
  TRIGGERS,
} from "./types.ts";

function conditionsOf(a: Automation | null): { mode: "all" | "any"; rows: ConditionDraft[] } {
  const any = a?.conditions?.any ?? [];
  const mode = any.length > 0 ? "any" : "all";
  const list = mode === "any" ? any : (a?.conditions?.all ?? []);
  return { mode, rows: list.map((c) => ({ field: c.field, op: c.op, value: String(c.value ?? "") })) };
}

/** Create or edit one automation; a new webhook's secret is shown here once, after saving. */
export function AutomationEditor({ automation, onClose }: { automation: Automation | null; onClose: () => void }) {
  const client = useQueryClient();
  const [name, setName] = useState(automation?.name ?? "");
  const [enabled, setEnabled] = useState(automation?.enabled ?? true);
  const [trigger, setTrigger] = useState<string>(automation?.trigger.type ?? "payment_succeeded");
  const initial = conditionsOf(automation);
  const [mode, setMode] = useState(initial.mode);
  const [rows, setRows] = useState(initial.rows);
  const [actions, setActions] = useState<ActionDraft[]>(automation ? automation.actions.map(draftOf) : [emptyAction()]);
  const [saved, setSaved] = useState<Automation | null>(null);
  const save = useMutation<Automation, ApiError>({
    mutationFn: () => {
      const body = {
        name,
        enabled,
        trigger: { type: trigger },
        conditions: rows.length ? { [mode]: rows.map(conditionBody) } : null,
        actions: actions.map(actionBody),
      };
      return automation
        ? api(`/automations/${automation.id}`, { method: "PATCH", body })
        : api("/automations", { method: "POST", body });
    },
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: AUTOMATIONS_KEY });
      if (result.actions.some((a) => a.secret)) setSaved(result);
      else onClose();
    },
  });
  const secrets = saved?.actions.filter((a) => a.secret) ?? [];
  return (
    <Dialog
      open
      wide
      title={automation ? `Edit “${automation.name}”` : "New automation"}
      onClose={onClose}
      testId="automation-editor"
      footer={
        saved ? (
          <Button variant="primary" onClick={onClose} data-testid="secret-done">
            I have copied it
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" busy={save.isPending} onClick={() => save.mutate()} data-testid="save-automation">
              Save
            </Button>
          </>
        )
      }
    >
      {saved ? (
        <div data-testid="webhook-secrets">
          <p className="warning" role="note">
            Copy each webhook's signing secret now: it is shown only once. Receivers verify deliveries with it (Standard
            Webhooks).
          </p>
          {secrets.map((a) => (
            <p key={a.id}>
              <code>{String(a.url)}</code>: <code data-testid="webhook-secret">{a.secret}</code>{" "}
              <CopyButton text={a.secret ?? ""} />
            </p>
          ))}
        </div>
      ) : (
        <>
          <ErrorBanner error={save.error} />
          <Field label="Name" error={save.error?.issueFor("name")}>
            {(id) => <input id={id} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
          </label>
          <Field label="When" error={save.error?.issueFor("type")}>
            {(id) => (
              <select id={id} value={trigger} onChange={(e) => setTrigger(e.target.value)} data-testid="trigger">
                {TRIGGERS.map(([type, label]) => (
                  <option key={type} value={type}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ConditionRows mode={mode} rows={rows} onMode={setMode} onRows={setRows} />
          <h3>Then, in order</h3>
          <ActionFields actions={actions} onChange={setActions} />
          {automation ? <TestRunPanel automation={automation} /> : null}
        </>
      )}
    </Dialog>
  );
}
