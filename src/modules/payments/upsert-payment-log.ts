import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { type PaymentLogStatus, paymentLogs } from "../../db/schema/payments.ts";
import type { PaymentFact } from "../../integrations/payments/port.ts";
import { newId } from "../../lib/ids.ts";

/**
 * How far along a payment or refund is. Reports may arrive in any order: a row only moves to a later
 * stage (a late "processing" never undoes "succeeded"). Subscriptions change both ways, so for them the
 * newer report wins.
 */
const STAGE: Partial<Record<PaymentLogStatus, number>> = {
  pending: 1,
  processing: 1,
  failed: 2,
  canceled: 2,
  succeeded: 3,
};

export type LoggedPayment = { id: string; previousStatus: PaymentLogStatus | null; status: PaymentLogStatus };

export type PaymentLogLink = {
  workspaceId: string;
  invoiceId: string | null;
  opportunityId: string | null;
  stripeAccountId: string | null;
  eventId: string | null;
  eventType: string | null;
};

/** Writes the fact onto its row (one per Stripe object), under the row lock, never moving it back. */
export async function upsertPaymentLog(tx: Tx, fact: PaymentFact, link: PaymentLogLink): Promise<LoggedPayment> {
  const key = `${fact.kind}:${fact.key}`;
  const [current] = await tx
    .select()
    .from(paymentLogs)
    .where(and(eq(paymentLogs.workspaceId, link.workspaceId), eq(paymentLogs.stripeKey, key)))
    .for("update");
  const ids = {
    checkoutSessionId: fact.ids.checkoutSessionId,
    paymentIntentId: fact.ids.paymentIntentId,
    chargeId: fact.ids.chargeId,
    refundId: fact.ids.refundId,
    subscriptionId: fact.ids.subscriptionId,
    stripeInvoiceId: fact.ids.stripeInvoiceId,
    paymentLinkId: fact.ids.paymentLinkId,
  };
  if (!current) {
    const id = newId("paymentLog", fact.occurredAt);
    const inserted = await tx
      .insert(paymentLogs)
      .values({
        id,
        workspaceId: link.workspaceId,
        kind: fact.kind,
        stripeKey: key,
        status: fact.status,
        amount: fact.amount,
        currency: fact.currency,
        payerEmail: fact.payerEmail,
        payerName: fact.payerName,
        invoiceId: link.invoiceId,
        opportunityId: link.opportunityId,
        stripeAccountId: link.stripeAccountId,
        ...ids,
        eventId: link.eventId,
        eventType: link.eventType,
        occurredAt: fact.occurredAt,
      })
      .onConflictDoNothing({ target: [paymentLogs.workspaceId, paymentLogs.stripeKey] })
      .returning({ id: paymentLogs.id });
    // A concurrent report inserted it first: apply this one on top, under the lock.
    if (inserted.length === 0) return upsertPaymentLog(tx, fact, link);
    return { id, previousStatus: null, status: fact.status };
  }
  const newer =
    fact.kind === "subscription"
      ? fact.occurredAt.getTime() >= current.occurredAt.getTime()
      : (STAGE[fact.status] ?? 0) > (STAGE[current.status] ?? 0);
  const status = newer ? fact.status : current.status;
  await tx
    .update(paymentLogs)
    .set({
      status,
      // Fill in what earlier reports lacked; never blank out what they had.
      payerEmail: current.payerEmail ?? fact.payerEmail,
      payerName: current.payerName ?? fact.payerName,
      invoiceId: current.invoiceId ?? link.invoiceId,
      opportunityId: current.opportunityId ?? link.opportunityId,
      checkoutSessionId: current.checkoutSessionId ?? ids.checkoutSessionId,
      paymentIntentId: current.paymentIntentId ?? ids.paymentIntentId,
      chargeId: current.chargeId ?? ids.chargeId,
      refundId: current.refundId ?? ids.refundId,
      subscriptionId: current.subscriptionId ?? ids.subscriptionId,
      stripeInvoiceId: current.stripeInvoiceId ?? ids.stripeInvoiceId,
      paymentLinkId: current.paymentLinkId ?? ids.paymentLinkId,
      ...(newer ? { amount: fact.amount, occurredAt: fact.occurredAt } : {}),
      ...(newer && link.eventId ? { eventId: link.eventId, eventType: link.eventType } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(paymentLogs.id, current.id));
  return { id: current.id, previousStatus: current.status, status };
}
