import { and, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { paymentLinks, paymentLogs } from "../../db/schema/payments.ts";
import type { PaymentFact } from "../../integrations/payments/port.ts";
import { recordBusinessEvent } from "./business-events.ts";
import { type FactSource, settleInvoiceFromStripe } from "./settle-invoice.ts";
import { upsertPaymentLog } from "./upsert-payment-log.ts";

export type { FactSource } from "./settle-invoice.ts";

/**
 * The one path from "Stripe says" to Settle's records, for webhooks and the manual sync alike: each fact
 * lands on its payment log row and, when it belongs to one of this workspace's invoices, moves the invoice
 * forward (never back) and records the business events automations consume. One transaction per fact keeps
 * locks short; every step is idempotent, so replays and races change nothing twice.
 */
export async function applyPaymentFacts(
  ctx: Ctx,
  facts: PaymentFact[],
  source: FactSource,
  stripeAccountId: string | null,
): Promise<{ matched: number; unmatched: number }> {
  let matched = 0;
  for (const fact of facts) {
    const found = await withTransaction(ctx, (tx) => applyOne(tx, { ...ctx, db: tx }, fact, source, stripeAccountId));
    if (found) matched += 1;
  }
  return { matched, unmatched: facts.length - matched };
}

async function applyOne(
  tx: Tx,
  ctx: Ctx,
  fact: PaymentFact,
  source: FactSource,
  stripeAccountId: string | null,
): Promise<boolean> {
  const workspaceId = ctx.actor.workspaceId;
  // A payment and its refunds are reported by separate events that may be processed at once; one at a time
  // per PaymentIntent, whichever lands second sees the first and links the refund to the invoice.
  if (fact.ids.paymentIntentId) {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`stripe:${workspaceId}:${fact.ids.paymentIntentId}`}))`,
    );
  }
  const target = await invoiceOf(tx, workspaceId, fact);
  // A payment Settle cannot tie to one of its invoices is not Settle's to log: the account's other sales, and
  // each subscription period's PaymentIntent, which carries no metadata and is logged as its Stripe invoice.
  // Refunds and subscriptions are kept, so one that arrives before its payment can be linked when it lands.
  if (!target && fact.kind === "payment") return false;
  const logged = await upsertPaymentLog(tx, fact, {
    workspaceId,
    invoiceId: target?.id ?? null,
    opportunityId: target?.opportunityId ?? null,
    stripeAccountId,
    eventId: source.kind === "webhook" ? source.eventId : null,
    eventType: source.kind === "webhook" ? source.eventType : null,
  });
  if (!target) return false;
  if (fact.kind === "payment" && fact.ids.paymentIntentId) {
    await linkEarlierRefunds(tx, workspaceId, target, fact.ids.paymentIntentId);
  }
  // A payment already logged as succeeded settled its invoice when it was (every report of a payment is tied
  // to an invoice, in the same transaction): later reports of it (charge.succeeded, the session, a sync)
  // have nothing left to do there.
  const alreadySettled = logged.previousStatus === "succeeded";
  if (fact.kind === "payment" && logged.status === "succeeded" && !alreadySettled) {
    await settleInvoiceFromStripe(tx, ctx, target.id, fact, source);
  } else if (fact.kind === "payment" && logged.status === "failed") {
    await recordBusinessEvent(tx, {
      workspaceId,
      type: "payment_failed",
      invoiceId: target.id,
      opportunityId: target.opportunityId,
      dedupeKey: `payment_failed:${fact.key}`,
      occurredAt: fact.occurredAt,
      data: { amount: fact.amount, currency: fact.currency, stripe_key: fact.key, payer_email: fact.payerEmail },
    });
  } else if (fact.kind === "refund" && logged.status === "succeeded") {
    await recordRefunded(tx, workspaceId, target, {
      key: fact.key,
      amount: fact.amount,
      currency: fact.currency,
      occurredAt: fact.occurredAt,
      paymentIntentId: fact.ids.paymentIntentId ?? null,
    });
  }
  return true;
}

type Target = { id: string; opportunityId: string };

/** A refund is recorded and announced once; it never moves an invoice or a line back. */
async function recordRefunded(
  tx: Tx,
  workspaceId: string,
  target: Target,
  refund: { key: string; amount: number; currency: string; occurredAt: Date; paymentIntentId: string | null },
): Promise<void> {
  await recordBusinessEvent(tx, {
    workspaceId,
    type: "payment_refunded",
    invoiceId: target.id,
    opportunityId: target.opportunityId,
    dedupeKey: `payment_refunded:${refund.key}`,
    occurredAt: refund.occurredAt,
    data: {
      amount: refund.amount,
      currency: refund.currency,
      stripe_key: refund.key,
      payment_intent: refund.paymentIntentId ?? undefined,
    },
  });
}

/**
 * Refunds carry no metadata: one reported before its payment was logged found no invoice and was kept
 * unlinked. Now that the payment names the invoice, those refunds join it, and a succeeded one is announced.
 */
async function linkEarlierRefunds(tx: Tx, workspaceId: string, target: Target, paymentIntentId: string) {
  const linked = await tx
    .update(paymentLogs)
    .set({ invoiceId: target.id, opportunityId: target.opportunityId, updatedAt: sql`now()` })
    .where(
      and(
        eq(paymentLogs.workspaceId, workspaceId),
        eq(paymentLogs.kind, "refund"),
        eq(paymentLogs.paymentIntentId, paymentIntentId),
        isNull(paymentLogs.invoiceId),
      ),
    )
    .returning();
  for (const refund of linked) {
    if (refund.status !== "succeeded") continue;
    await recordRefunded(tx, workspaceId, target, {
      key: refund.stripeKey.replace(/^refund:/, ""),
      amount: refund.amount,
      currency: refund.currency,
      occurredAt: refund.occurredAt,
      paymentIntentId,
    });
  }
}

/**
 * Which of this workspace's invoices a fact is about: the invoice named in the metadata Settle put on the
 * link (only when the metadata names this workspace), else through a payment already logged for the same
 * PaymentIntent or subscription (refunds carry no metadata), else through the payment link.
 */
async function invoiceOf(tx: Tx, workspaceId: string, fact: PaymentFact): Promise<Target | undefined> {
  const ours = !fact.refs.workspaceId || fact.refs.workspaceId === workspaceId;
  if (ours && fact.refs.invoiceId) {
    const [invoice] = await tx
      .select({ id: invoices.id, opportunityId: invoices.opportunityId })
      .from(invoices)
      .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, fact.refs.invoiceId)));
    if (invoice) return invoice;
  }
  const related = [
    fact.ids.paymentIntentId ? eq(paymentLogs.paymentIntentId, fact.ids.paymentIntentId) : undefined,
    fact.ids.subscriptionId ? eq(paymentLogs.subscriptionId, fact.ids.subscriptionId) : undefined,
    fact.ids.stripeInvoiceId ? eq(paymentLogs.stripeInvoiceId, fact.ids.stripeInvoiceId) : undefined,
  ].filter((condition) => condition !== undefined);
  if (related.length > 0) {
    const [logged] = await tx
      .select({ id: paymentLogs.invoiceId, opportunityId: paymentLogs.opportunityId })
      .from(paymentLogs)
      .where(and(eq(paymentLogs.workspaceId, workspaceId), isNotNull(paymentLogs.invoiceId), or(...related)))
      .limit(1);
    if (logged?.id) return { id: logged.id, opportunityId: logged.opportunityId ?? "" };
  }
  if (fact.ids.paymentLinkId) {
    const [link] = await tx
      .select({ id: invoices.id, opportunityId: invoices.opportunityId })
      .from(paymentLinks)
      .innerJoin(invoices, eq(invoices.id, paymentLinks.invoiceId))
      .where(and(eq(paymentLinks.workspaceId, workspaceId), eq(paymentLinks.stripeLinkId, fact.ids.paymentLinkId)));
    if (link) return link;
  }
  return undefined;
}
