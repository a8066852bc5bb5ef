import { and, asc, eq, lt, notInArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { companies, contacts } from "../../db/schema/crm.ts";
import { invoiceLines, invoices } from "../../db/schema/invoices.ts";
import { opportunities } from "../../db/schema/opportunities.ts";
import { notFound } from "../../lib/errors.ts";
import { type Branding, loadBranding } from "../branding/index.ts";
import { paymentLinksOf } from "../invoices/payment-links-of.ts";

export type EarlierDeposit = { number: string; issueDate: string; currency: string; totalAmount: number };

/** Everything printed on an invoice, read in one place so the PDF renderer itself does no I/O. */
export type InvoiceDocument = {
  invoice: typeof invoices.$inferSelect;
  lines: (typeof invoiceLines.$inferSelect)[];
  branding: Branding;
  company: { name: string; email: string | null; phone: string | null } | null;
  contact: { name: string; email: string | null; phone: string | null } | null;
  /** For a balance invoice: the deposit invoices raised before it on the same opportunity that still count. */
  earlierDeposits: EarlierDeposit[];
  /** The active payment link's URL (Pay now), or null. */
  payNowUrl: string | null;
};

export async function loadInvoiceDocument(
  db: DbOrTx,
  workspaceId: string,
  invoiceId: string,
): Promise<InvoiceDocument> {
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)));
  if (!invoice) throw notFound("invoice", invoiceId);
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.workspaceId, workspaceId), eq(invoiceLines.invoiceId, invoiceId)))
    .orderBy(asc(invoiceLines.sortOrder), asc(invoiceLines.id));
  const [party] = await db
    .select({
      company: { name: companies.name, email: companies.email, phone: companies.phone },
      contact: { name: contacts.name, email: contacts.email, phone: contacts.phone },
    })
    .from(opportunities)
    .leftJoin(companies, and(eq(companies.id, opportunities.companyId), eq(companies.workspaceId, workspaceId)))
    .leftJoin(contacts, and(eq(contacts.id, opportunities.primaryContactId), eq(contacts.workspaceId, workspaceId)))
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, invoice.opportunityId)));
  // Ids sort by creation time, so "earlier" is a plain comparison; voided and deleted deposits billed nothing.
  const earlierDeposits =
    invoice.billedPortion === "balance"
      ? await db
          .select({
            number: invoices.number,
            issueDate: invoices.issueDate,
            currency: invoices.currency,
            totalAmount: invoices.totalAmount,
          })
          .from(invoices)
          .where(
            and(
              eq(invoices.workspaceId, workspaceId),
              eq(invoices.opportunityId, invoice.opportunityId),
              eq(invoices.billedPortion, "deposit"),
              notInArray(invoices.status, ["VOIDED", "DELETED"]),
              lt(invoices.id, invoice.id),
            ),
          )
          .orderBy(asc(invoices.id))
      : [];
  const link = (await paymentLinksOf(db, workspaceId, [invoiceId])).get(invoiceId);
  return {
    invoice,
    lines,
    branding: await loadBranding(db, workspaceId),
    company: party?.company ?? null,
    contact: party?.contact ?? null,
    earlierDeposits,
    payNowUrl: link?.active ? link.url : null,
  };
}
