import { z } from "@hono/zod-openapi";
import { BUSINESS_EVENT_TYPES, PAYMENT_LOG_KINDS, PAYMENT_LOG_STATUSES } from "../db/schema/payments.ts";
import type { PaymentLogRow } from "../modules/payments/index.ts";

export const PaymentSchema = z
  .object({
    id: z.string(),
    type: z.enum(PAYMENT_LOG_KINDS),
    status: z.enum(PAYMENT_LOG_STATUSES),
    amount: z.number().int().openapi({ description: "Minor units of currency" }),
    currency: z.string(),
    payer_email: z.string().nullable(),
    payer_name: z.string().nullable(),
    invoice_id: z.string().nullable(),
    opportunity_id: z.string().nullable(),
    stripe: z.object({
      account_id: z.string().nullable(),
      checkout_session_id: z.string().nullable(),
      payment_intent_id: z.string().nullable(),
      charge_id: z.string().nullable(),
      refund_id: z.string().nullable(),
      subscription_id: z.string().nullable(),
      invoice_id: z.string().nullable(),
      payment_link_id: z.string().nullable(),
      event_id: z.string().nullable().openapi({ description: "The last event that reported on it" }),
      event_type: z.string().nullable(),
    }),
    occurred_at: z.string(),
  })
  .openapi("Payment");

export function toPaymentDto(p: PaymentLogRow): z.infer<typeof PaymentSchema> {
  return {
    id: p.id,
    type: p.kind,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    payer_email: p.payerEmail,
    payer_name: p.payerName,
    invoice_id: p.invoiceId,
    opportunity_id: p.opportunityId,
    stripe: {
      account_id: p.stripeAccountId,
      checkout_session_id: p.checkoutSessionId,
      payment_intent_id: p.paymentIntentId,
      charge_id: p.chargeId,
      refund_id: p.refundId,
      subscription_id: p.subscriptionId,
      invoice_id: p.stripeInvoiceId,
      payment_link_id: p.paymentLinkId,
      event_id: p.eventId,
      event_type: p.eventType,
    },
    occurred_at: p.occurredAt.toISOString(),
  };
}

export const BusinessEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(BUSINESS_EVENT_TYPES),
    invoice_id: z.string().nullable(),
    opportunity_id: z.string().nullable(),
    occurred_at: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi("BusinessEvent");

export function toBusinessEventDto(e: {
  id: string;
  type: (typeof BUSINESS_EVENT_TYPES)[number];
  invoiceId: string | null;
  opportunityId: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
}): z.infer<typeof BusinessEventSchema> {
  return {
    id: e.id,
    type: e.type,
    invoice_id: e.invoiceId,
    opportunity_id: e.opportunityId,
    occurred_at: e.occurredAt.toISOString(),
    data: e.data,
  };
}
