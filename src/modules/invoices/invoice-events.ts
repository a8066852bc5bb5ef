import type { Tx } from "../../db/client.ts";
import { enqueue } from "../../jobs/enqueue.ts";

export const INVOICE_EVENT_JOB = "invoices.changed";
export const INVOICE_EVENTS = ["created", "updated", "sent", "paid", "voided"] as const;
export type InvoiceEvent = (typeof INVOICE_EVENTS)[number];

/**
 * Every invoice change leaves one job in the same transaction: it recomputes the opportunity's invoiced and
 * paid totals, and is where mail and automations hang their reactions to `sent` and `paid`.
 */
export async function enqueueInvoiceChanged(
  tx: Tx,
  workspaceId: string,
  payload: { invoiceId: string; opportunityId: string; event: InvoiceEvent },
) {
  // `paid` and `sent` happen once per invoice; the dedupe key makes a repeated report change nothing twice.
  const once = payload.event === "paid" || payload.event === "sent";
  await enqueue(tx, INVOICE_EVENT_JOB, payload, {
    workspaceId,
    ...(once ? { dedupeKey: `invoice:${payload.invoiceId}:${payload.event}` } : {}),
  });
}
