import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { PAYMENT_LINK_INTERVALS, PAYMENT_LINK_MODES, paymentLinks } from "../../db/schema/payments.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { MoneyError, toStripeAmount } from "../../lib/money.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { isInvoiceActionAllowed } from "../billing/index.ts";
import { invoiceAsWritten } from "../invoices/get-invoice.ts";
import { getInvoiceOrThrow } from "../invoices/internal.ts";
import { activeStripeConnection, requirePayments } from "./internal.ts";

export const CreatePaymentLinkBody = z
  .strictObject({
    mode: z.enum(PAYMENT_LINK_MODES).default("one_time"),
    interval: z.enum(PAYMENT_LINK_INTERVALS).optional(),
  })
  .superRefine((body, issues) => {
    if (body.mode === "subscription" && !body.interval) {
      issues.addIssue({
        code: "custom",
        path: ["interval"],
        message: "is required for a subscription: day, week, month or year",
      });
    }
    if (body.mode === "one_time" && body.interval) {
      issues.addIssue({ code: "custom", path: ["interval"], message: 'applies only to mode "subscription"' });
    }
  });
export const CreatePaymentLinkCommand = z.strictObject({
  invoice_id: RecordId,
  mode: z.enum(PAYMENT_LINK_MODES).optional(),
  interval: z.enum(PAYMENT_LINK_INTERVALS).optional(),
});
export type CreatePaymentLinkCommand = z.input<typeof CreatePaymentLinkCommand>;

/**
 * A Stripe-hosted payment link for a native invoice on the workspace's connected account: one-time for the
 * amount due (one completed payment), or a subscription charging the invoice total every period. The link
 * row is committed before Stripe is asked, and its id is Stripe's idempotency key, so a retried request
 * cannot make two links. A new link replaces the invoice's active one (switched off in Stripe by a job).
 */
export async function createPaymentLink(ctx: Ctx, input: CreatePaymentLinkCommand) {
  const { invoice_id: invoiceId, ...rest } = parseInput(CreatePaymentLinkCommand, input);
  const body = parseInput(CreatePaymentLinkBody, rest);
  requireScope(ctx.actor.scopes, "invoices:write");
  const payments = requirePayments(ctx);
  const workspaceId = ctx.actor.workspaceId;
  const connection = await activeStripeConnection(ctx.db, workspaceId);
  const invoice = await getInvoiceOrThrow(ctx.db, workspaceId, invoiceId);
  assertLinkable(invoice);
  const amount = body.mode === "one_time" ? invoice.totalAmount - invoice.amountPaidAmount : invoice.totalAmount;
  assertStripeCanCharge(amount, invoice.currency);
  const now = ctx.clock.now();
  const linkId = newId("paymentLink", now);
  await ctx.db.insert(paymentLinks).values({
    id: linkId,
    workspaceId,
    invoiceId,
    stripeAccountId: connection.accountId,
    mode: body.mode,
    interval: body.interval ?? null,
    amount,
    currency: invoice.currency,
    active: 0,
  });
  let created: { id: string; url: string };
  try {
    created = await payments.createPaymentLink(
      connection.accountId,
      {
        description: `Invoice ${invoice.number}`,
        amount,
        currency: invoice.currency,
        mode: body.mode,
        interval: body.interval,
        metadata: {
          settle_workspace_id: workspaceId,
          settle_invoice_id: invoiceId,
          settle_opportunity_id: invoice.opportunityId,
        },
      },
      `settle:${linkId}`,
    );
  } catch (error) {
    await ctx.db.delete(paymentLinks).where(eq(paymentLinks.id, linkId));
    throw error;
  }
  await withTransaction(ctx, async (tx) => {
    const [locked] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
    if (locked) assertLinkable(locked);
    const replaced = await tx
      .update(paymentLinks)
      .set({ active: 0, deactivatedAt: now, updatedAt: now })
      .where(and(eq(paymentLinks.invoiceId, invoiceId), eq(paymentLinks.active, 1), ne(paymentLinks.id, linkId)))
      .returning({ id: paymentLinks.id });
    for (const old of replaced) {
      await enqueue(tx, "payments.deactivate-link", { paymentLinkId: old.id }, { workspaceId });
    }
    await tx
      .update(paymentLinks)
      .set({ stripeLinkId: created.id, url: created.url, active: 1, updatedAt: now })
      .where(eq(paymentLinks.id, linkId));
  });
  return invoiceAsWritten(ctx, invoiceId);
}

function assertLinkable(invoice: {
  provider: "native" | "xero";
  status: "DRAFT" | "SUBMITTED" | "AUTHORISED" | "PAID" | "VOIDED" | "DELETED";
  number: string;
  amountPaidAmount: number;
  totalAmount: number;
  externalId: string | null;
}): void {
  if (invoice.provider !== "native") {
    throw new AppError("conflict", `Invoice ${invoice.number} is a Xero invoice; it is paid through Xero.`);
  }
  if (!isInvoiceActionAllowed(invoice, "create_payment_link")) {
    throw new AppError(
      "conflict",
      `Invoice ${invoice.number} is ${invoice.status}; payment links are made for invoices awaiting payment.`,
    );
  }
  if (invoice.totalAmount - invoice.amountPaidAmount <= 0) {
    throw new AppError("conflict", `Nothing is due on invoice ${invoice.number}.`);
  }
}

/** Stripe's own rules for some currencies (three-decimal amounts end in 0): refused before anything is made. */
function assertStripeCanCharge(amount: number, currency: string): void {
  try {
    toStripeAmount(amount, currency);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    throw new AppError("invalid_input", `Stripe cannot charge this invoice: ${error.message}`, {
      issues: [{ field: "amount", message: error.message }],
    });
  }
}
