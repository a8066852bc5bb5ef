import type { Tx } from "../../db/client.ts";
import { recordBusinessEvent } from "../payments/business-events.ts";
import type { InvoiceRow } from "./internal.ts";

/** Where the news of a sent or paid invoice came from, as automations' `source` condition sees it. */
export type InvoiceEventSource = "manual" | "invoice_sent" | "xero_sync" | "stripe_webhook" | "stripe_sync";

function invoiceData(invoice: InvoiceRow, source: InvoiceEventSource) {
  return {
    invoice_id: invoice.id,
    invoice_number: invoice.number,
    provider: invoice.provider,
    portion: invoice.billedPortion,
    amount: invoice.totalAmount,
    currency: invoice.currency,
    source,
  };
}

/** An invoice went out (approved, sent, or approved in Xero): `invoice_sent`, once per invoice. */
export async function recordInvoiceSent(tx: Tx, invoice: InvoiceRow, source: InvoiceEventSource, at: Date) {
  await recordBusinessEvent(tx, {
    workspaceId: invoice.workspaceId,
    type: "invoice_sent",
    invoiceId: invoice.id,
    opportunityId: invoice.opportunityId,
    dedupeKey: `invoice_sent:${invoice.id}`,
    occurredAt: at,
    data: invoiceData(invoice, source),
  });
}

/**
 * An invoice became fully paid by a settled payment, whichever path reported it first (manual mark-paid,
 * Xero sync, Stripe webhook or sync): `invoice_paid` and `payment_succeeded` are each recorded once per
 * invoice, because their dedupe keys name only the invoice. Callers never call this for a processing payment.
 */
export async function recordInvoicePaid(
  tx: Tx,
  invoice: InvoiceRow,
  source: InvoiceEventSource,
  at: Date,
  extra: Record<string, unknown> = {},
) {
  const data = { ...invoiceData(invoice, source), ...extra };
  const base = { workspaceId: invoice.workspaceId, invoiceId: invoice.id, opportunityId: invoice.opportunityId };
  await recordBusinessEvent(tx, {
    ...base,
    type: "invoice_paid",
    dedupeKey: `invoice_paid:${invoice.id}`,
    occurredAt: at,
    data,
  });
  await recordBusinessEvent(tx, {
    ...base,
    type: "payment_succeeded",
    dedupeKey: `payment_succeeded:${invoice.id}`,
    occurredAt: at,
    data,
  });
}
