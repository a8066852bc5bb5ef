import type { Actor, Ctx } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { type OpportunityStatus, opportunityNotes, type StoredAction } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { hasScope } from "../access/index.ts";
import { escapeHtml, mailSettingsOf, queueMail } from "../mail/index.ts";
import { setOpportunityStage } from "../opportunities/index.ts";
import { type EventContext, mergeFields } from "./event-context.ts";
import { renderTemplate } from "./merge-fields.ts";

/** An action that cannot succeed as configured (no recipient, no opportunity, a missing scope): not retried. */
export class ActionFailure extends Error {}

/** What an email action would send: recipient, subject and text with the merge fields filled in. */
export function renderEmail(actor: Actor, action: StoredAction, context: EventContext) {
  const fields = mergeFields(actor, context);
  const to = typeof action.to === "string" && action.to ? action.to : (context.contact?.email ?? null);
  return {
    to,
    toName: typeof action.to === "string" && action.to ? null : (context.contact?.name ?? null),
    subject: renderTemplate(String(action.subject ?? ""), fields),
    text: renderTemplate(String(action.body ?? ""), fields),
  };
}

function needOpportunity(context: EventContext) {
  if (!context.opportunity) throw new ActionFailure("The event is about no opportunity, so there is none to change.");
  return context.opportunity;
}

function needScope(actor: Actor, scope: "opportunities:write") {
  if (!hasScope(actor.scopes, scope)) {
    throw new ActionFailure(`The automation's owner no longer holds ${scope}.`);
  }
}

/**
 * Performs an action that only writes Settle's own rows (email queued to the mail path, stage, status, note)
 * in the caller's transaction, acting as the owner; the action's outcome is recorded in the same transaction,
 * so it happens exactly once. Returns what it did.
 */
export async function performLocalAction(
  tx: Tx,
  ctx: Ctx,
  action: StoredAction,
  context: EventContext,
  actionRunId: string,
): Promise<Record<string, unknown>> {
  const actor = ctx.actor;
  switch (action.type) {
    case "send_email": {
      const mail = renderEmail(actor, action, context);
      if (!mail.to) throw new ActionFailure("No recipient: the opportunity has no primary contact with an email.");
      const settings = mailSettingsOf(ctx);
      const html = mail.text
        .split(/\n{2,}/)
        .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
        .join("\n");
      const messageId = await queueMail(tx, ctx.clock, {
        workspaceId: actor.workspaceId,
        from: settings.from,
        replyTo: null,
        to: [{ email: mail.to, name: mail.toName }],
        subject: mail.subject,
        html,
        text: mail.text,
        relatedType: context.invoice ? "invoice" : "opportunity",
        relatedId: context.invoice?.id ?? context.opportunity?.id ?? context.event.id,
        dedupeKey: `automation:${actionRunId}`,
      });
      return { mail_id: messageId, to: mail.to, subject: mail.subject };
    }
    case "set_stage":
    case "set_status": {
      needScope(actor, "opportunities:write");
      const opportunity = needOpportunity(context);
      const change =
        action.type === "set_stage" ? { stage: String(action.stage) } : { status: action.status as OpportunityStatus };
      const { from, to } = await setOpportunityStage(tx, ctx, opportunity.id, change);
      return action.type === "set_stage" ? { from: from.stage, to: to.stage } : { from: from.status, to: to.status };
    }
    case "add_note": {
      needScope(actor, "opportunities:write");
      const opportunity = needOpportunity(context);
      const body = renderTemplate(String(action.body ?? ""), mergeFields(actor, context));
      const id = newId("opportunityNote", ctx.clock.now());
      await tx.insert(opportunityNotes).values({
        id,
        workspaceId: actor.workspaceId,
        opportunityId: opportunity.id,
        body,
        automationRunId: actionRunId,
        createdAt: ctx.clock.now(),
      });
      return { note_id: id, body };
    }
    default:
      throw new ActionFailure(`${action.type} is not performed here.`);
  }
}
