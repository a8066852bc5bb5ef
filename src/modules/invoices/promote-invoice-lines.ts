import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { invoiceLines, invoices } from "../../db/schema/invoices.ts";
import { type PaymentStatusSource, productLines } from "../../db/schema/opportunities.ts";
import { promote } from "../opportunities/index.ts";
import { lineTotal, statusProposedByPortion } from "./engine/index.ts";
import { loadEngineLines } from "./engine-lines.ts";
import { getInvoiceSettings, type InvoiceRow } from "./internal.ts";

function mappedLineIds(lines: { productLineId: string | null }[]): string[] {
  return [...new Set(lines.map((l) => l.productLineId).filter((id): id is string => id !== null))];
}

/**
 * Sending an invoice proposes its portion's status for every product line it bills (forward only). A line
 * removed from the opportunity after the draft was raised has nothing left to promote; the invoice itself
 * (a financial record) is still sent.
 */
export async function promoteSentInvoiceLines(tx: Tx, ctx: Ctx, invoice: InvoiceRow, source: PaymentStatusSource) {
  const lines = await tx
    .select({ productLineId: invoiceLines.productLineId })
    .from(invoiceLines)
    .innerJoin(productLines, eq(productLines.id, invoiceLines.productLineId))
    .where(and(eq(invoiceLines.invoiceId, invoice.id), eq(productLines.workspaceId, invoice.workspaceId)));
  for (const lineId of mappedLineIds(lines)) {
    await promote(
      { ...ctx, db: tx },
      { lineId, proposed: statusProposedByPortion(invoice.billedPortion), source, invoiceId: invoice.id },
    );
  }
}

/**
 * A PAID invoice proposes `paid` only for the lines it fully settles: the line's billed amounts on PAID
 * invoices reach its total. A paid deposit alone never does; a paid balance does once its deposit is paid.
 */
export async function promoteSettledLines(tx: Tx, ctx: Ctx, invoice: InvoiceRow, source: PaymentStatusSource) {
  const own = await tx
    .select({ productLineId: invoiceLines.productLineId })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id));
  const ids = mappedLineIds(own);
  if (ids.length === 0) {
    return;
  }
  const settings = await getInvoiceSettings(tx, ctx.actor.workspaceId);
  const gross = sql<string>`sum(${invoiceLines.amount} + case when ${invoices.taxMode} = 'inclusive' then ${invoiceLines.taxAmount} else 0 end)`;
  const paid = await tx
    .select({ lineId: invoiceLines.productLineId, billed: gross })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoices.status, "PAID"), inArray(invoiceLines.productLineId, ids)))
    .groupBy(invoiceLines.productLineId);
  const paidByLine = new Map(paid.map((p) => [p.lineId, Number(p.billed)]));
  const lines = await loadEngineLines(tx, invoice.opportunityId, settings);
  for (const line of lines.filter((l) => ids.includes(l.id))) {
    if ((paidByLine.get(line.id) ?? 0) >= lineTotal(line)) {
      await promote({ ...ctx, db: tx }, { lineId: line.id, proposed: "paid", source, invoiceId: invoice.id });
    }
  }
}
