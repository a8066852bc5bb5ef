import type { Ctx } from "../../context.ts";
import { toDecimalString } from "../../lib/money.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { ListPaymentsInput, type PaymentLogRow, selectPayments } from "./list-payments.ts";

const COLUMNS = [
  "occurred_at",
  "type",
  "status",
  "amount",
  "currency",
  "payer_email",
  "payer_name",
  "invoice_id",
  "opportunity_id",
  "payment_intent_id",
  "charge_id",
  "refund_id",
  "subscription_id",
  "stripe_invoice_id",
  "checkout_session_id",
  "event_id",
] as const;

const BATCH = 500;

/**
 * The payment log as CSV, streamed a page at a time so a large log never sits in memory. Amounts are
 * decimals in their currency; a cell starting with = + - @ is prefixed with ' so spreadsheets don't run it.
 */
export async function* paymentsCsv(ctx: Ctx, input: unknown): AsyncGenerator<string> {
  const filters = parseInput(ListPaymentsInput, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  yield `${COLUMNS.join(",")}\r\n`;
  let cursor = filters.cursor;
  for (;;) {
    const rows = await selectPayments(ctx.db, ctx.actor.workspaceId, { ...filters, cursor }, BATCH);
    if (rows.length === 0) return;
    yield rows.map((row) => `${csvRow(row)}\r\n`).join("");
    if (rows.length < BATCH) return;
    cursor = Buffer.from(rows[rows.length - 1]?.id ?? "", "utf8").toString("base64url");
  }
}

function csvRow(row: PaymentLogRow): string {
  const values = [
    row.occurredAt.toISOString(),
    row.kind,
    row.status,
    toDecimalString(row.amount, row.currency),
    row.currency,
    row.payerEmail,
    row.payerName,
    row.invoiceId,
    row.opportunityId,
    row.paymentIntentId,
    row.chargeId,
    row.refundId,
    row.subscriptionId,
    row.stripeInvoiceId,
    row.checkoutSessionId,
    row.eventId,
  ];
  return values.map(cell).join(",");
}

function cell(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
