import { and, desc, eq, ilike, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { PAYMENT_LOG_KINDS, PAYMENT_LOG_STATUSES, paymentLogs, stripeEvents } from "../../db/schema/payments.ts";
import { notFound } from "../../lib/errors.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";

export const ListPaymentsInput = z.strictObject({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  invoice_id: RecordId.optional(),
  opportunity_id: RecordId.optional(),
  type: z.enum(PAYMENT_LOG_KINDS).optional(),
  status: z.enum(PAYMENT_LOG_STATUSES).optional(),
  /** Payer email or name, or a Stripe id (pi_…, ch_…, re_…, sub_…, in_…, cs_…), matched from the start. */
  q: z.string().trim().min(1).max(200).optional(),
});
export type ListPaymentsInput = z.input<typeof ListPaymentsInput>;

export type PaymentLogRow = typeof paymentLogs.$inferSelect;

/** The workspace's payment log, newest first, with cursor paging (invoices:read: it is revenue). */
export async function listPayments(ctx: Ctx, input: ListPaymentsInput) {
  const parsed = parseInput(ListPaymentsInput, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  const rows = await selectPayments(ctx.db, ctx.actor.workspaceId, parsed, parsed.limit + 1);
  return toPage(rows, parsed.limit);
}

export function selectPayments(
  db: DbOrTx,
  workspaceId: string,
  filters: z.output<typeof ListPaymentsInput>,
  limit: number,
): Promise<PaymentLogRow[]> {
  const before = decodeCursor(filters.cursor);
  const prefix = filters.q ? `${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select()
    .from(paymentLogs)
    .where(
      and(
        eq(paymentLogs.workspaceId, workspaceId),
        filters.invoice_id ? eq(paymentLogs.invoiceId, filters.invoice_id) : undefined,
        filters.opportunity_id ? eq(paymentLogs.opportunityId, filters.opportunity_id) : undefined,
        filters.type ? eq(paymentLogs.kind, filters.type) : undefined,
        filters.status ? eq(paymentLogs.status, filters.status) : undefined,
        prefix
          ? or(
              ilike(paymentLogs.payerEmail, prefix),
              ilike(paymentLogs.payerName, prefix),
              ilike(paymentLogs.paymentIntentId, prefix),
              ilike(paymentLogs.chargeId, prefix),
              ilike(paymentLogs.refundId, prefix),
              ilike(paymentLogs.subscriptionId, prefix),
              ilike(paymentLogs.stripeInvoiceId, prefix),
              ilike(paymentLogs.checkoutSessionId, prefix),
            )
          : undefined,
        before ? lt(paymentLogs.id, before) : undefined,
      ),
    )
    .orderBy(desc(paymentLogs.id))
    .limit(limit);
}

/** One payment log row with the raw Stripe event that last reported on it ("the raw event on demand"). */
export async function getPaymentEvent(ctx: Ctx, input: { id: string }) {
  const { id } = parseInput(z.strictObject({ id: RecordId }), input);
  requireScope(ctx.actor.scopes, "invoices:read");
  const [row] = await ctx.db
    .select()
    .from(paymentLogs)
    .where(and(eq(paymentLogs.workspaceId, ctx.actor.workspaceId), eq(paymentLogs.id, id)));
  if (!row) throw notFound("payment", id);
  if (!row.eventId) return { payment: row, event: null };
  const [event] = await ctx.db.select().from(stripeEvents).where(eq(stripeEvents.id, row.eventId));
  return { payment: row, event: event?.payload ?? null };
}
