import type { Ctx } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { parseInput } from "../../lib/validation.ts";
import { hasScope, requireScope } from "../access/index.ts";
import { RecordRef } from "../crm/fields.ts";
import {
  getInvoiceOrThrow,
  type InvoiceLineRow,
  type InvoiceRow,
  type InvoiceWithLines,
  loadInvoiceLines,
} from "./internal.ts";
import { type PaymentLinkSummary, paymentLinksOf } from "./payment-links-of.ts";

type RevenueField = "subtotalAmount" | "taxAmount" | "totalAmount" | "amountPaidAmount";
type LineRevenueField = "unitAmount" | "taxAmount" | "amount";

export type InvoiceLineView = Omit<InvoiceLineRow, LineRevenueField> & Partial<Pick<InvoiceLineRow, LineRevenueField>>;

/** The amounts are absent (not null) when the actor lacks invoices:read, as payment_status is on line views. */
export type InvoiceView = Omit<InvoiceRow, RevenueField> &
  Partial<Pick<InvoiceRow, RevenueField>> & { lines: InvoiceLineView[]; paymentLink?: PaymentLinkSummary | null };

async function loadInvoice(db: DbOrTx, workspaceId: string, id: string): Promise<InvoiceWithLines> {
  const invoice = await getInvoiceOrThrow(db, workspaceId, id);
  const links = await paymentLinksOf(db, workspaceId, [id]);
  return { ...invoice, lines: await loadInvoiceLines(db, id), paymentLink: links.get(id) ?? null };
}

export async function getInvoice(ctx: Ctx, input: RecordRef): Promise<InvoiceWithLines> {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  return loadInvoice(ctx.db, ctx.actor.workspaceId, id);
}

function withoutRevenue(invoice: InvoiceWithLines): InvoiceView {
  const { subtotalAmount: _s, taxAmount: _t, totalAmount: _total, amountPaidAmount: _paid, lines, ...rest } = invoice;
  return {
    ...rest,
    lines: lines.map(({ unitAmount: _u, taxAmount: _lt, amount: _a, ...line }) => line),
  };
}

/**
 * What a write verb answers with, after its change committed: invoices:write let the caller make the change,
 * so the re-read needs no invoices:read; without it the caller gets the invoice with every amount stripped.
 */
export async function invoiceAsWritten(ctx: Ctx, id: string): Promise<InvoiceView> {
  const invoice = await loadInvoice(ctx.db, ctx.actor.workspaceId, id);
  return hasScope(ctx.actor.scopes, "invoices:read") ? invoice : withoutRevenue(invoice);
}
