import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { invoicePayments, invoices } from "../../db/schema/invoices.ts";
import { paymentLinks } from "../../db/schema/payments.ts";
import type { PaymentFact } from "../../integrations/payments/port.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { newId } from "../../lib/ids.ts";
import { recordInvoicePaid } from "../invoices/invoice-business-events.ts";
import { enqueueInvoiceChanged } from "../invoices/invoice-events.ts";
import { promoteSentInvoiceLines, promoteSettledLines } from "../invoices/promote-invoice-lines.ts";

export type FactSource = { kind: "webhook"; eventId: string; eventType: string } | { kind: "sync" };

/**
 * Stripe says the invoice's payment succeeded. An open native invoice becomes PAID (paid_at is Stripe's
 * time), the lines it settles move to `paid`, its one-time link is switched off, and `payment_succeeded` is
 * recorded once per invoice — however many events or syncs report the payment, in whatever order.
 */
export async function settleInvoiceFromStripe(
  tx: Tx,
  ctx: Ctx,
  invoiceId: string,
  fact: PaymentFact,
  source: FactSource,
): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)))
    .for("update");
  if (invoice?.provider !== "native") return;
  if (invoice.status === "AUTHORISED" || invoice.status === "SUBMITTED" || invoice.status === "DRAFT") {
    const due = invoice.totalAmount - invoice.amountPaidAmount;
    const lineSource = source.kind === "sync" ? "stripe_sync" : "stripe_payment";
    // A draft paid through its link was, in effect, sent: its lines take the portion's status first.
    if (invoice.status === "DRAFT") await promoteSentInvoiceLines(tx, ctx, invoice, lineSource);
    const [paid] = await tx
      .update(invoices)
      .set({
        status: "PAID",
        amountPaidAmount: invoice.totalAmount,
        paidAt: fact.occurredAt,
        sentAt: invoice.sentAt ?? fact.occurredAt,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(invoices.id, invoice.id))
      .returning();
    if (due > 0) {
      await tx.insert(invoicePayments).values({
        id: newId("payment", fact.occurredAt),
        workspaceId,
        invoiceId,
        amount: due,
        paidOn: fact.occurredAt.toISOString().slice(0, 10),
        method: fact.ids.stripeInvoiceId ? "other" : "card",
        reference: `Stripe ${fact.key}`,
        actorId: null,
      });
    }
    if (paid) {
      await promoteSettledLines(tx, ctx, paid, lineSource);
      await enqueueInvoiceChanged(tx, workspaceId, { invoiceId, opportunityId: paid.opportunityId, event: "paid" });
    }
  } else if (invoice.status !== "PAID") {
    // A voided or draft invoice is not reopened by a payment; the payment log keeps the money's trail.
    return;
  }
  const [current] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (current?.status !== "PAID") return;
  await recordInvoicePaid(tx, current, source.kind === "sync" ? "stripe_sync" : "stripe_webhook", fact.occurredAt, {
    amount: fact.amount,
    currency: fact.currency,
    stripe_key: fact.key,
    payer_email: fact.payerEmail,
    ...(source.kind === "webhook" ? { stripe_event_id: source.eventId, stripe_event_type: source.eventType } : {}),
  });
  const oneTime = await tx
    .update(paymentLinks)
    .set({ active: 0, deactivatedAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
    .where(and(eq(paymentLinks.invoiceId, invoiceId), eq(paymentLinks.active, 1), eq(paymentLinks.mode, "one_time")))
    .returning({ id: paymentLinks.id });
  for (const link of oneTime) {
    await enqueue(tx, "payments.deactivate-link", { paymentLinkId: link.id }, { workspaceId });
  }
}
