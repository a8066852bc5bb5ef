import type { PaymentLogKind, PaymentLogStatus } from "../../db/schema/payments.ts";

/**
 * What Stripe reported about one payment, refund or subscription, in Settle's terms. Webhook events and a
 * manual sync both become these, and one domain verb applies them: the same code path, whatever the source.
 */
export interface PaymentFact {
  kind: PaymentLogKind;
  /** The Stripe object the payment log row is keyed by: a PaymentIntent, a subscription's invoice, a refund… */
  key: string;
  status: PaymentLogStatus;
  /** Minor units of `currency` (ISO 4217, upper case), converted from Stripe's own representation. */
  amount: number;
  currency: string;
  occurredAt: Date;
  payerEmail: string | null;
  payerName: string | null;
  /** From the metadata Settle put on the link; absent on objects Settle did not create. */
  refs: { workspaceId?: string; invoiceId?: string; opportunityId?: string };
  ids: {
    checkoutSessionId?: string;
    paymentIntentId?: string;
    chargeId?: string;
    refundId?: string;
    subscriptionId?: string;
    stripeInvoiceId?: string;
    paymentLinkId?: string;
  };
}

export interface ParsedStripeEvent {
  id: string;
  type: string;
  /** The connected account the event happened on; null for the platform's own. */
  account: string | null;
  created: Date;
  facts: PaymentFact[];
  /** `account.application.deauthorized`: the account disconnected Settle. */
  deauthorized: boolean;
  raw: Record<string, unknown>;
}

export interface PaymentLinkRequest {
  description: string;
  amount: number;
  currency: string;
  mode: "one_time" | "subscription";
  interval?: "day" | "week" | "month" | "year" | undefined;
  /** Copied onto the link, its sessions, its PaymentIntents or its subscription, to match events back. */
  metadata: { settle_workspace_id: string; settle_invoice_id: string; settle_opportunity_id: string };
  /** Where the payer lands after paying. */
  returnUrl?: string | undefined;
}

export class PaymentSignatureError extends Error {}

/** Stripe, as Settle uses it: Connect OAuth, payment links on connected accounts, webhooks, sync reads. */
export interface PaymentsProvider {
  authorizeUrl(input: { state: string; redirectUri: string }): string;
  exchangeCode(code: string): Promise<{ accountId: string; scope: string; livemode: boolean }>;
  deauthorize(accountId: string): Promise<void>;
  accountName(accountId: string): Promise<string | null>;
  createPaymentLink(
    accountId: string,
    request: PaymentLinkRequest,
    idempotencyKey: string,
  ): Promise<{ id: string; url: string }>;
  deactivatePaymentLink(accountId: string, linkId: string): Promise<void>;
  /** Everything Stripe knows now about payments through this link, as facts (the manual sync). */
  linkFacts(accountId: string, linkId: string): Promise<PaymentFact[]>;
  /** Verifies the signature on the raw body (5 minutes' tolerance) and reads the event; throws PaymentSignatureError. */
  parseWebhook(rawBody: string, signature: string | undefined): Promise<ParsedStripeEvent>;
  /** Reads an event already verified and stored (processing happens later, from the job queue). */
  readStoredEvent(raw: Record<string, unknown>): ParsedStripeEvent;
}
