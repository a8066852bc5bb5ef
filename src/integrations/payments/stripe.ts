import type Stripe from "stripe";
import { toStripeAmount } from "../../lib/money.ts";
import type { ParsedStripeEvent, PaymentFact, PaymentLinkRequest, PaymentsProvider } from "./port.ts";
import { PaymentSignatureError } from "./port.ts";
import { callStripe } from "./stripe-call.ts";
import {
  factFromPaymentIntent,
  factFromRefund,
  factFromSession,
  factFromStripeInvoice,
  factFromSubscription,
  factsFromEvent,
} from "./stripe-facts.ts";

export interface StripeConfig {
  secretKey: string;
  clientId: string;
  webhookSecret: string;
  /** The API host, e.g. https://api.stripe.com, or the sandbox (its /v1 is also answered at the host root). */
  apiUrl: string;
  /** Where the Connect authorize page lives: https://connect.stripe.com, or the sandbox's /connect. */
  connectUrl: string;
}

/** Stripe's own bound for one webhook's age: a captured body cannot be replayed later than this. */
const SIGNATURE_TOLERANCE_SECONDS = 300;
/** Sync reads at most this many sessions per link; a link is one invoice, so this is far above real use. */
const MAX_SESSIONS_PER_SYNC = 200;

/** The official SDK, loaded on first use so a start that never touches Stripe does not pay for it. */
export function createStripePayments(config: StripeConfig): PaymentsProvider {
  let client: Stripe | undefined;
  const sdk = async (): Promise<Stripe> => {
    if (client) return client;
    const { default: StripeSdk } = await import("stripe");
    const url = new URL(config.apiUrl);
    client = new StripeSdk(config.secretKey, {
      host: url.hostname,
      port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
      protocol: url.protocol === "https:" ? "https" : "http",
      timeout: 20_000,
      maxNetworkRetries: 2,
      telemetry: false,
      appInfo: { name: "Settle" },
    });
    return client;
  };

  return {
    authorizeUrl({ state, redirectUri }) {
      const query = new URLSearchParams({
        response_type: "code",
        client_id: config.clientId,
        scope: "read_write",
        state,
        redirect_uri: redirectUri,
      });
      return `${config.connectUrl.replace(/\/+$/, "")}/oauth/authorize?${query}`;
    },

    async exchangeCode(code) {
      const stripe = await sdk();
      const token = await callStripe("Connecting Stripe", () =>
        stripe.oauth.token({ grant_type: "authorization_code", code }),
      );
      if (!token.stripe_user_id) throw new Error("Stripe's token answer names no account.");
      return { accountId: token.stripe_user_id, scope: token.scope ?? "read_write", livemode: token.livemode ?? false };
    },

    async deauthorize(accountId) {
      const stripe = await sdk();
      await callStripe("Disconnecting Stripe", () =>
        stripe.oauth.deauthorize({ client_id: config.clientId, stripe_user_id: accountId }),
      );
    },

    async accountName(accountId) {
      const stripe = await sdk();
      const account = await callStripe("Reading the Stripe account", () => stripe.accounts.retrieve(accountId));
      return account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? account.email ?? null;
    },

    async createPaymentLink(accountId, request, idempotencyKey) {
      const stripe = await sdk();
      const link = await callStripe("Creating the payment link", () =>
        stripe.paymentLinks.create(linkParams(request), { stripeAccount: accountId, idempotencyKey }),
      );
      return { id: link.id, url: link.url };
    },

    async deactivatePaymentLink(accountId, linkId) {
      const stripe = await sdk();
      await callStripe("Deactivating the payment link", () =>
        stripe.paymentLinks.update(linkId, { active: false }, { stripeAccount: accountId }),
      );
    },

    async linkFacts(accountId, linkId) {
      const stripe = await sdk();
      return callStripe("Reading payments from Stripe", () => readLinkFacts(stripe, accountId, linkId));
    },

    async parseWebhook(rawBody, signature) {
      if (!signature) throw new PaymentSignatureError("The Stripe-Signature header is missing.");
      const { webhooks } = await sdk();
      let event: Stripe.Event;
      try {
        // The SDK's own check: HMAC-SHA256 over `t.payload`, any v1 matching, at most 5 minutes old.
        event = webhooks.constructEvent(rawBody, signature, config.webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
      } catch (error) {
        throw new PaymentSignatureError((error as Error).message);
      }
      return parsed(event);
    },

    readStoredEvent(raw) {
      return parsed(raw as unknown as Stripe.Event);
    },
  };
}

/** Sessions of the link, their PaymentIntents and refunds, or their subscription and its invoices. */
async function readLinkFacts(stripe: Stripe, accountId: string, linkId: string): Promise<PaymentFact[]> {
  const on = { stripeAccount: accountId };
  const now = new Date();
  const facts: PaymentFact[] = [];
  let seen = 0;
  for await (const session of stripe.checkout.sessions.list({ payment_link: linkId, limit: 100 }, on)) {
    if (++seen > MAX_SESSIONS_PER_SYNC) break;
    const fromSession = factFromSession(session, "checkout.session.completed", at(session.created, now));
    if (!fromSession) continue;
    facts.push(fromSession);
    const intentId = fromSession.ids.paymentIntentId;
    if (intentId) {
      const intent = await stripe.paymentIntents.retrieve(intentId, {}, on);
      const fact = factFromPaymentIntent(intent, at(intent.created, now));
      if (fact) facts.push({ ...fact, refs: { ...fromSession.refs, ...fact.refs } });
      for await (const refund of stripe.refunds.list({ payment_intent: intentId, limit: 100 }, on)) {
        facts.push(factFromRefund(refund, now));
      }
    }
    const subscriptionId = fromSession.ids.subscriptionId;
    if (subscriptionId) {
      const subscription = await stripe.subscriptions.retrieve(subscriptionId, {}, on);
      facts.push(factFromSubscription(subscription, now));
      for await (const invoice of stripe.invoices.list({ subscription: subscriptionId, limit: 100 }, on)) {
        const fact = factFromStripeInvoice(invoice, "invoice.sync", at(invoice.created, now));
        if (fact) facts.push(fact);
      }
    }
  }
  return facts;
}
const at = (seconds: number | null | undefined, fallback: Date) => (seconds ? new Date(seconds * 1000) : fallback);

function parsed(event: Stripe.Event): ParsedStripeEvent {
  return {
    id: event.id,
    type: event.type,
    account: event.account ?? null,
    created: new Date(event.created * 1000),
    facts: factsFromEvent(event),
    deauthorized: event.type === "account.application.deauthorized",
    raw: event as unknown as Record<string, unknown>,
  };
}

function linkParams(request: PaymentLinkRequest): Stripe.PaymentLinkCreateParams {
  const recurring = request.mode === "subscription" ? { recurring: { interval: request.interval ?? "month" } } : {};
  return {
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: request.currency.toLowerCase(),
          unit_amount: toStripeAmount(request.amount, request.currency),
          product_data: { name: request.description },
          ...recurring,
        },
      },
    ],
    metadata: request.metadata,
    ...(request.mode === "one_time"
      ? {
          payment_intent_data: { metadata: request.metadata },
          restrictions: { completed_sessions: { limit: 1 } },
          inactive_message: "This invoice has been paid. Thank you.",
        }
      : { subscription_data: { metadata: request.metadata } }),
    ...(request.returnUrl ? { after_completion: { type: "redirect", redirect: { url: request.returnUrl } } } : {}),
  };
}
