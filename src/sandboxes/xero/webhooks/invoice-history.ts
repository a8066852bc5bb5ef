import type { SandboxStore } from "../state/store.ts";
import type { InvoiceHistoryRecord } from "../state/types.ts";
import type { EventSink, ResourceEvent } from "./events.ts";

/** History entries kept per invoice; older ones are dropped so a busy invoice cannot grow without end. */
const KEPT_PER_INVOICE = 100;

/**
 * Xero's invoice History & Notes, written from the same change events the webhooks carry: what changed
 * (created, approved, paid, voided…) and when, read back by GET /Invoices/{id}/History. Events pass on.
 */
export class InvoiceHistoryRecorder implements EventSink {
  constructor(
    private readonly store: SandboxStore,
    private readonly next: EventSink,
  ) {}

  emit(event: ResourceEvent): void {
    if (event.category === "INVOICE") this.record(event);
    this.next.emit(event);
  }

  private record(event: ResourceEvent): void {
    const invoice = this.store.organisation(event.tenantId)?.invoices[event.resourceId.toLowerCase()];
    if (!invoice) return;
    invoice.history ??= [];
    const history = invoice.history;
    const last = history.at(-1);
    const amount = invoice.total.toFixed(2);
    let changes: string;
    let details: string;
    if (!last || event.type === "CREATE") {
      changes = "Created";
      details = `${invoice.invoiceNumber} to contact for ${amount}.`;
    } else if (last.status !== invoice.status) {
      changes = STATUS_CHANGES[invoice.status] ?? "Edited";
      details = `${invoice.invoiceNumber} ${last.status} → ${invoice.status}.`;
    } else if (last.amountPaid !== invoice.amountPaid) {
      changes = "Payment";
      details = `Amount paid ${last.amountPaid.toFixed(2)} → ${invoice.amountPaid.toFixed(2)}.`;
    } else {
      changes = "Edited";
      details = `${invoice.invoiceNumber} edited.`;
    }
    const entry: InvoiceHistoryRecord = {
      atMs: event.atMs,
      changes,
      details,
      status: invoice.status,
      amountPaid: invoice.amountPaid,
    };
    history.push(entry);
    if (history.length > KEPT_PER_INVOICE) history.splice(0, history.length - KEPT_PER_INVOICE);
  }
}

const STATUS_CHANGES: Record<string, string> = {
  SUBMITTED: "Submitted",
  AUTHORISED: "Approved",
  PAID: "Paid",
  VOIDED: "Voided",
  DELETED: "Deleted",
  DRAFT: "Edited",
};
