import type { Tx } from "../../db/client.ts";
import { enqueue } from "../../jobs/enqueue.ts";

import type { InvoiceEvent } from "../billing/index.ts";

export { INVOICE_EVENTS, type InvoiceEvent } from "../billing/index.ts";
export const INVOICE_EVENT_JOB = "invoices.changed";

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
