import { and, eq, isNotNull } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { paymentLinks } from "../../db/schema/payments.ts";
import { AppError } from "../../lib/errors.ts";
import { RecordRef } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { invoiceAsWritten } from "../invoices/get-invoice.ts";
import { getInvoiceOrThrow } from "../invoices/internal.ts";
import { applyPaymentFacts } from "./apply-payment-facts.ts";
import { requirePayments } from "./internal.ts";

/**
 * "Sync payment status": reads from Stripe everything paid through the invoice's links (a webhook missed
 * while Settle was down, an account reconnected) and applies it through the same path webhooks take.
 */
export async function syncInvoicePayments(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const payments = requirePayments(ctx);
  const invoice = await getInvoiceOrThrow(ctx.db, ctx.actor.workspaceId, id);
  const links = await ctx.db
    .select()
    .from(paymentLinks)
    .where(
      and(
        eq(paymentLinks.workspaceId, ctx.actor.workspaceId),
        eq(paymentLinks.invoiceId, invoice.id),
        isNotNull(paymentLinks.stripeLinkId),
      ),
    );
  if (links.length === 0) {
    throw new AppError("conflict", `Invoice ${invoice.number} has no payment link to sync from.`, {
      fix: "Create a payment link first.",
    });
  }
  let matched = 0;
  for (const link of links) {
    const facts = await payments.linkFacts(link.stripeAccountId, link.stripeLinkId ?? "");
    matched += (await applyPaymentFacts(ctx, facts, { kind: "sync" }, link.stripeAccountId)).matched;
  }
  return { invoice: await invoiceAsWritten(ctx, invoice.id), reports: matched };
}
