import type { Ctx } from "../../context.ts";
import { notFound } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { conditionsMatch } from "./conditions.ts";
import { MAX_AUTOMATION_DEPTH } from "./engine-deps.ts";
import { conditionFacts, loadEvent, loadEventContext, mergeFields, webhookPayload } from "./event-context.ts";
import { getAutomationOrThrow } from "./internal.ts";
import { renderEmail } from "./local-actions.ts";
import { renderTemplate } from "./merge-fields.ts";
import { resolveOwner } from "./owner-actor.ts";
import { TestRunCommand } from "./schemas.ts";

export type DryRunAction = { type: string; would: string; details: Record<string, unknown> };

/**
 * A dry run against a past event: whether the trigger and conditions match, and what each action would do
 * (the email rendered, the webhook body, the stage it would set), with the owner's scopes as they are now.
 * Nothing is sent, changed or logged.
 */
export async function testRunAutomation(ctx: Ctx, input: { id: string; event_id: string }) {
  const { id, event_id } = parseInput(TestRunCommand, input);
  requireScope(ctx.actor.scopes, "automations:read");
  const automation = await getAutomationOrThrow(ctx.db, ctx.actor.workspaceId, id);
  const event = await loadEvent(ctx.db, ctx.actor.workspaceId, event_id);
  if (!event) throw notFound("event", event_id);
  const found = await resolveOwner(ctx.db, automation);
  // The caller sees no more than they may: the owner's scopes, narrowed to the caller's own.
  const owner = found && { ...found, scopes: new Set([...found.scopes].filter((s) => ctx.actor.scopes.has(s))) };
  const context = await loadEventContext(ctx.db, event);
  const triggerMatches = automation.triggerType === event.type;
  const conditionsMatched = owner ? conditionsMatch(automation.conditions, conditionFacts(owner, context)) : false;
  const actions: DryRunAction[] = automation.actions.map((action) => {
    if (!owner) return { type: action.type, would: "not run: the owner is no longer a member", details: {} };
    switch (action.type) {
      case "send_email": {
        const mail = renderEmail(owner, action, context);
        return {
          type: action.type,
          would: mail.to ? `email ${mail.to}: “${mail.subject}”` : "fail: no recipient (no primary contact email)",
          details: { to: mail.to, subject: mail.subject, body: mail.text },
        };
      }
      case "call_webhook": {
        const body = webhookPayload(owner, context, { id: "run_dry", automationId: automation.id });
        return { type: action.type, would: `POST ${String(action.url)}`, details: { url: action.url, body } };
      }
      case "set_stage":
      case "set_status": {
        const field = action.type === "set_stage" ? "stage" : "status";
        const from = context.opportunity?.[field] ?? null;
        const to = String(action[field]);
        return {
          type: action.type,
          would: context.opportunity
            ? `set ${context.opportunity.name}'s ${field} from ${from} to ${to}`
            : "fail: no opportunity",
          details: { opportunity_id: context.opportunity?.id ?? null, from, to },
        };
      }
      default: {
        const body = renderTemplate(String(action.body ?? ""), mergeFields(owner, context));
        return {
          type: action.type,
          would: context.opportunity ? `add a note to ${context.opportunity.name}` : "fail: no opportunity",
          details: { opportunity_id: context.opportunity?.id ?? null, body },
        };
      }
    }
  });
  return {
    eventId: event.id,
    eventType: event.type,
    triggerMatches,
    conditionsMatch: conditionsMatched,
    wouldRun: triggerMatches && conditionsMatched && event.depth < MAX_AUTOMATION_DEPTH,
    actions,
  };
}
