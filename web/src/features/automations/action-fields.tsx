import { Button } from "../../components/ui/button.tsx";
import { ACTION_LABELS, type ActionDraft, type ActionType, emptyAction } from "./types.ts";

type Props = {
  actions: ActionDraft[];
  onChange: (actions: ActionDraft[]) => void;
};

const MERGE_HINT =
  "Merge fields: {{invoice.number}}, {{company.name}}, {{contact.name}}, {{amount_due}}, {{opportunity.name}}";

/** The ordered actions: each with its own fields, moved up or down, removed, or allowed to fail. */
export function ActionFields({ actions, onChange }: Props) {
  const set = (index: number, patch: Partial<ActionDraft>) =>
    onChange(actions.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const move = (index: number, by: number) => {
    const next = [...actions];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    onChange(next);
  };
  return (
    <ol className="automation-actions" data-testid="automation-actions">
      {actions.map((action, index) => (
        <li key={action.id ?? `new-${index}`} className="automation-action" data-testid="automation-action">
          <div className="automation-row">
            <select
              aria-label={`Action ${index + 1}`}
              value={action.type}
              disabled={Boolean(action.id)}
              onChange={(e) => set(index, { ...emptyAction(e.target.value as ActionType) })}
            >
              {Object.entries(ACTION_LABELS).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
            <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => move(index, -1)}>
              Up
            </Button>
            <Button size="sm" variant="ghost" disabled={index === actions.length - 1} onClick={() => move(index, 1)}>
              Down
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onChange(actions.filter((_, i) => i !== index))}>
              Remove
            </Button>
          </div>
          {action.type === "send_email" ? (
            <>
              <input
                aria-label="Email to"
                placeholder="To (default: the opportunity's primary contact)"
                value={action.to}
                maxLength={320}
                onChange={(e) => set(index, { to: e.target.value })}
              />
              <input
                aria-label="Email subject"
                placeholder="Subject"
                value={action.subject}
                maxLength={200}
                onChange={(e) => set(index, { subject: e.target.value })}
              />
              <textarea
                aria-label="Email body"
                placeholder="Body"
                rows={4}
                value={action.body}
                maxLength={10_000}
                onChange={(e) => set(index, { body: e.target.value })}
              />
              <p className="field-hint">{MERGE_HINT}</p>
            </>
          ) : null}
          {action.type === "call_webhook" ? (
            <input
              aria-label="Webhook URL"
              placeholder="https://…"
              value={action.url}
              maxLength={2000}
              onChange={(e) => set(index, { url: e.target.value })}
            />
          ) : null}
          {action.type === "set_stage" ? (
            <input
              aria-label="Stage"
              placeholder="Stage, e.g. Won"
              value={action.stage}
              maxLength={60}
              onChange={(e) => set(index, { stage: e.target.value })}
            />
          ) : null}
          {action.type === "set_status" ? (
            <select
              aria-label="Status"
              value={action.status}
              onChange={(e) => set(index, { status: e.target.value as ActionDraft["status"] })}
            >
              <option value="open">Open</option>
              <option value="won">Won</option>
              <option value="lost">Lost</option>
            </select>
          ) : null}
          {action.type === "add_note" ? (
            <textarea
              aria-label="Note"
              rows={2}
              value={action.body}
              maxLength={5_000}
              onChange={(e) => set(index, { body: e.target.value })}
            />
          ) : null}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={action.continue_on_failure}
              onChange={(e) => set(index, { continue_on_failure: e.target.checked })}
            />{" "}
            Continue with the next action if this one fails
          </label>
        </li>
      ))}
      <Button size="sm" onClick={() => onChange([...actions, emptyAction()])} data-testid="add-action">
        Add action
      </Button>
    </ol>
  );
}
