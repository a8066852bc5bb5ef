import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { invoiceAsWritten } from "./get-invoice.ts";
import { getInvoiceOrThrow } from "./internal.ts";
import { sendNativeInvoice } from "./send-native-invoice.ts";
import { xeroInvoiceTarget } from "./xero-invoice-target.ts";

export const SendInvoiceInput = z.strictObject({
  id: RecordId,
  contact_ids: z
    .array(RecordId)
    .min(1)
    .max(20)
    .optional()
    .describe("Native invoices: who receives it (contacts with an email). Default: the opportunity's primary contact."),
});

/**
 * Send Invoice. A native invoice is emailed by Settle (approving a draft on the way, see sendNativeInvoice);
 * a Xero invoice is emailed by Xero to its Xero contact, once approved (or submitted).
 */
export async function sendInvoice(ctx: Ctx, input: z.input<typeof SendInvoiceInput>) {
  const { id, contact_ids } = parseInput(SendInvoiceInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const invoice = await getInvoiceOrThrow(ctx.db, ctx.actor.workspaceId, id);
  if (invoice.provider === "native") {
    return sendNativeInvoice(ctx, { id, contactIds: contact_ids });
  }
  if (contact_ids) {
    throw new AppError("invalid_input", "Xero emails a Xero invoice to its own contact; contact_ids are not used.", {
      issues: [{ field: "contact_ids", message: "only for native invoices" }],
    });
  }
  const { session, externalId } = await xeroInvoiceTarget(ctx, invoice, "send");
  await session.ledger.emailInvoice(externalId);
  await ctx.db.update(invoices).set({ sentAt: ctx.clock.now(), updatedAt: ctx.clock.now() }).where(eq(invoices.id, id));
  return invoiceAsWritten(ctx, id);
}
