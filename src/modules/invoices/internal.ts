import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { type InvoiceStatus, invoiceLines, invoiceSettings, invoices } from "../../db/schema/invoices.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import type { PaymentLinkSummary } from "./payment-links-of.ts";

export const LOCKED_STATUSES: ReadonlySet<InvoiceStatus> = new Set(["PAID", "VOIDED", "DELETED"]);

export async function getInvoiceOrThrow(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, id)));
  if (!row) {
    throw notFound("invoice", id);
  }
  return row;
}

export function assertEditable(invoice: { status: InvoiceStatus; number: string }): void {
  if (LOCKED_STATUSES.has(invoice.status)) {
    throw new AppError("conflict", `Invoice ${invoice.number} is ${invoice.status} and read-only.`);
  }
}

export function loadInvoiceLines(db: DbOrTx, invoiceId: string) {
  return db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.sortOrder));
}

/** The workspace's invoicing settings, created with defaults on first use. */
export async function getInvoiceSettings(db: DbOrTx, workspaceId: string) {
  await db.insert(invoiceSettings).values({ workspaceId }).onConflictDoNothing();
  const [row] = await db.select().from(invoiceSettings).where(eq(invoiceSettings.workspaceId, workspaceId));
  if (!row) {
    throw new AppError("internal", "Invoice settings are missing.");
  }
  return row;
}

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type InvoiceWithLines = InvoiceRow & {
  lines: InvoiceLineRow[];
  /** The Stripe payment link, where the reader loaded it (null: none). */
  paymentLink?: PaymentLinkSummary | null;
};
