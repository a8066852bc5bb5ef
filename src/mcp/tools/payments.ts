import { z } from "zod";
import { InvoiceSchema, toInvoiceDto } from "../../dto/invoices.ts";
import { BusinessEventSchema, PaymentSchema, toBusinessEventDto, toPaymentDto } from "../../dto/payments.ts";
import { StripeStatusSchema, toStripeStatusDto } from "../../dto/stripe-status.ts";
import { RecordId } from "../../lib/record-id.ts";
import {
  CreatePaymentLinkBody,
  createPaymentLink,
  getPaymentEvent,
  getStripeStatus,
  ListBusinessEventsInput,
  ListPaymentsInput,
  listBusinessEvents,
  listPayments,
  syncInvoicePayments,
} from "../../modules/payments/index.ts";
import { moneyMovingTool } from "../money-tool.ts";
import { defineTool } from "../tool.ts";
import { InvoiceId, listOf, OpportunityId, pageDto } from "./shared.ts";

const PaymentId = RecordId.describe("Payment log row id, from list_payments");
const Cursor = z.string().max(200).optional().describe("next_cursor from the previous page");

export const createPaymentLinkTool = moneyMovingTool(
  defineTool({
    name: "create_payment_link",
    description:
      "Make a Stripe payment link (Pay now) on the workspace's connected Stripe account for an approved native invoice (AUTHORISED or SUBMITTED, something still due) and return the invoice with payment_link.url to share with the client. mode one_time (default) charges the amount due once; subscription charges the invoice total every interval (day, week, month or year; required for subscription) until it is cancelled in Stripe. A new link replaces the invoice's active one, which is switched off in Stripe. Xero invoices are paid through Xero, not here. Fails with precondition_failed until Stripe is connected (get_stripe_status).",
    scope: "invoices:write",
    destructive: false,
    input: z.strictObject({ invoice_id: InvoiceId, ...CreatePaymentLinkBody.shape }),
    output: InvoiceSchema,
    run: async (ctx, input) => toInvoiceDto(await createPaymentLink(ctx, input)),
  }),
  { dryRun: false },
);

export const syncPaymentStatusTool = defineTool({
  name: "sync_payment_status",
  description:
    "Sync payment status: ask Stripe now what was paid, refunded or failed through the invoice's payment links, and apply it exactly as Stripe's webhooks would (a paid invoice becomes PAID, its lines move up to paid, never down). Use it when the client says they paid but the invoice still shows AUTHORISED, or after Stripe was reconnected; payments normally arrive on their own within seconds. Returns the invoice.",
  scope: "invoices:write",
  destructive: false,
  input: z.strictObject({ invoice_id: InvoiceId }),
  output: InvoiceSchema,
  run: async (ctx, { invoice_id }) => toInvoiceDto((await syncInvoicePayments(ctx, { id: invoice_id })).invoice),
});

export const listPaymentsTool = defineTool({
  name: "list_payments",
  description:
    "The workspace's Stripe payment log, newest first: every payment, refund and subscription with its status (processing while a bank debit settles, succeeded, failed …), amount in minor units, payer, invoice, opportunity and Stripe ids. Use it to answer 'has this client paid', 'what was refunded' or 'why did this payment fail'. Filter by invoice_id, opportunity_id, type, status, or q (payer email or name, or a Stripe id such as pi_…, ch_…, re_…, sub_…, matched from the start). Manual payments from record_payment are not here: they are on the invoice.",
  scope: "invoices:read",
  destructive: false,
  input: z.strictObject({
    invoice_id: InvoiceId.optional(),
    opportunity_id: OpportunityId.optional(),
    type: ListPaymentsInput.shape.type.describe("payment, refund or subscription"),
    status: ListPaymentsInput.shape.status,
    q: ListPaymentsInput.shape.q.describe("Payer email or name, or a Stripe id, matched from the start"),
    limit: ListPaymentsInput.shape.limit.describe("1–200, default 50"),
    cursor: Cursor,
  }),
  output: listOf(PaymentSchema),
  run: async (ctx, input) => pageDto(await listPayments(ctx, input), toPaymentDto),
});

export const getPaymentEventTool = defineTool({
  name: "get_payment_event",
  description:
    "One payment log row with the raw Stripe event that last reported on it (event is null when a sync reported it). Use it to see exactly what Stripe said, e.g. a failure's decline code.",
  scope: "invoices:read",
  destructive: false,
  input: z.strictObject({ payment_id: PaymentId }),
  output: z.object({ payment: PaymentSchema, event: z.record(z.string(), z.unknown()).nullable() }),
  run: async (ctx, { payment_id }) => {
    const found = await getPaymentEvent(ctx, { id: payment_id });
    return { payment: toPaymentDto(found.payment), event: found.event };
  },
});

export const listBusinessEventsTool = defineTool({
  name: "list_business_events",
  description:
    "What happened to the workspace's money, newest first: payment_succeeded (once per invoice, however many times Stripe reports it), payment_failed, payment_refunded and the like, each with its invoice, opportunity and data (amount in minor units, currency, payer). Use it to follow up on outcomes rather than individual Stripe objects.",
  scope: "invoices:read",
  destructive: false,
  input: z.strictObject({
    type: ListBusinessEventsInput.shape.type,
    invoice_id: InvoiceId.optional(),
    opportunity_id: OpportunityId.optional(),
    limit: ListBusinessEventsInput.shape.limit.describe("1–100, default 50"),
    cursor: Cursor,
  }),
  output: listOf(BusinessEventSchema),
  run: async (ctx, input) => pageDto(await listBusinessEvents(ctx, input), toBusinessEventDto),
});

export const getStripeStatusTool = defineTool({
  name: "get_stripe_status",
  description:
    "Whether Stripe is configured on this server and connected to this workspace (account id and name, active or deauthorized). Check it before create_payment_link; connecting is done by a workspace admin in Settings → Integrations, not by an agent.",
  scope: "integrations:read",
  destructive: false,
  input: z.strictObject({}),
  output: StripeStatusSchema,
  run: async (ctx) => toStripeStatusDto(await getStripeStatus(ctx)),
});
