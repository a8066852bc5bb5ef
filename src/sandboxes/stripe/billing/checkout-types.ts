import type { StripeObject } from "../state/types.ts";

export interface PaymentLinkObject extends StripeObject {
  object: "payment_link";
  active: boolean;
  after_completion:
    | { type: "hosted_confirmation"; hosted_confirmation: { custom_message: string | null } }
    | { type: "redirect"; redirect: { url: string } };
  currency: string;
  customer_creation: "always" | "if_required";
  inactive_message: string | null;
  metadata: Record<string, string>;
  payment_intent_data: null | { metadata: Record<string, string>; [key: string]: unknown };
  restrictions: null | { completed_sessions: { count: number; limit: number } };
  subscription_data: null | { metadata: Record<string, string>; [key: string]: unknown };
  url: string;
}

export type SessionStatus = "open" | "complete" | "expired";

export interface CheckoutSessionObject extends StripeObject {
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: string | null;
  customer_creation: "always" | "if_required" | null;
  customer_details: null | { email: string | null; [key: string]: unknown };
  customer_email: string | null;
  expires_at: number;
  invoice: string | null;
  metadata: Record<string, string>;
  mode: "payment" | "subscription";
  payment_intent: string | null;
  payment_link: string | null;
  payment_method_types: string[];
  payment_status: "paid" | "unpaid" | "no_payment_required";
  status: SessionStatus;
  subscription: string | null;
  success_url: string | null;
  cancel_url: string | null;
  url: string | null;
}

/**
 * What a session carries that is not on its wire JSON: the metadata its PaymentIntent or Subscription
 * gets, and where the payer goes once it is paid.
 */
export interface CheckoutPlan extends StripeObject, PlanFields {
  object: "sandbox.checkout_plan";
}

export interface PlanFields {
  paymentIntentMetadata: Record<string, string>;
  subscriptionMetadata: Record<string, string>;
  /** A redirect URL (may hold `{CHECKOUT_SESSION_ID}`), or the confirmation message to show. */
  redirectUrl: string | null;
  confirmationMessage: string | null;
  paymentMethodTypes: string[];
}

/** A bank debit waiting for the sandbox clock to settle or fail it. */
export interface PendingSettlement extends StripeObject {
  object: "sandbox.pending_settlement";
  dueMs: number;
  paymentIntent: string;
  charge: string;
  session: string | null;
  /** Why the debit fails when it settles; null when it succeeds. */
  decline: { code: string; declineCode?: string; message: string } | null;
}

export function planId(sessionId: string): string {
  return `plan_${sessionId}`;
}
