import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { invoiceAsWritten } from "./get-invoice.ts";
import { getInvoiceOrThrow } from "./internal.ts";
import { xeroInvoiceTarget } from "./xero-invoice-target.ts";

export const SendInvoiceInput = z.strictObject({ id: RecordId });

/** Send Invoice: Xero emails an approved (or submitted) Xero invoice to its contact. */
export async function sendInvoice(ctx: Ctx, input: z.input<typeof SendInvoiceInput>) {
  const { id } = parseInput(SendInvoiceInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const invoice = await getInvoiceOrThrow(ctx.db, ctx.actor.workspaceId, id);
  const { session, externalId } = await xeroInvoiceTarget(ctx, invoice, "send");
  await session.ledger.emailInvoice(externalId);
  await ctx.db.update(invoices).set({ sentAt: ctx.clock.now(), updatedAt: ctx.clock.now() }).where(eq(invoices.id, id));
  return invoiceAsWritten(ctx, id);
}
