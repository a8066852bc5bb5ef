import { eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { stripeEvents } from "../../db/schema/payments.ts";
import type { PaymentsProvider } from "../../integrations/payments/port.ts";
import type { Clock } from "../../lib/clock.ts";
import { SCOPES } from "../access/index.ts";
import { applyPaymentFacts } from "./apply-payment-facts.ts";
import { markStripeDeauthorized } from "./disconnect-stripe.ts";

/**
 * Processes one stored Stripe event (a job): a disconnection from Stripe's side marks the connection, and
 * payment facts go through the same path as a manual sync. Processing twice changes nothing: the event is
 * marked done, and every step it takes is idempotent besides.
 */
export async function processStripeEvent(
  deps: { db: Db; clock: Clock; payments?: PaymentsProvider | undefined },
  eventId: string,
): Promise<string> {
  const [row] = await deps.db.select().from(stripeEvents).where(eq(stripeEvents.id, eventId));
  if (!row) return "unknown event";
  if (row.processedAt) return "already processed";
  if (!row.workspaceId) return "no workspace";
  if (!deps.payments) throw new Error("Stripe is not configured on this server; the event waits for it.");
  const event = deps.payments.readStoredEvent(row.payload);
  const ctx: Ctx = {
    db: deps.db,
    clock: deps.clock,
    payments: deps.payments,
    actor: { kind: "system", workspaceId: row.workspaceId, scopes: new Set(SCOPES) },
  };
  let outcome = "ignored";
  if (event.deauthorized && event.account) {
    await deps.db.transaction((tx) => markStripeDeauthorized(tx, event.account ?? "", event.created));
    outcome = "deauthorized";
  }
  if (event.facts.length > 0) {
    const result = await applyPaymentFacts(
      ctx,
      event.facts,
      { kind: "webhook", eventId: event.id, eventType: event.type },
      event.account,
    );
    outcome = `${result.matched} matched, ${result.unmatched} unmatched`;
  }
  await deps.db
    .update(stripeEvents)
    .set({ processedAt: deps.clock.now(), outcome })
    .where(eq(stripeEvents.id, eventId));
  return outcome;
}
