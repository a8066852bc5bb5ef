import { createHash } from "node:crypto";
import { StripeError } from "../core/errors.ts";
import { TEST_CARDS } from "./test-cards.ts";

/** What a payer pays with at checkout: a card, or a US bank account debited over ACH. */
export type PaymentInput =
  | { type: "card"; number: string; expMonth?: number; expYear?: number; cvc?: string }
  | { type: "us_bank_account"; accountNumber: string; routingNumber?: string };

export interface Decline {
  code: string;
  declineCode?: string;
  message: string;
}

/** A resolved test instrument: how it shows on the PaymentMethod and Charge, and how it ends. */
export interface Instrument {
  type: "card" | "us_bank_account";
  details: Record<string, unknown>;
  chargeDetails: Record<string, unknown>;
  /** Cards: refused at once. Bank debits: fail when they settle. */
  decline?: Decline;
  last4: string;
}

/** Stripe's test bank accounts for ACH Direct Debit (routing number 110000000). */
const BANK_ACCOUNTS: Record<string, Decline | null> = {
  "000123456789": null,
  "000111111113": { code: "account_closed", message: "The customer's bank account has been closed." },
  "000111111116": { code: "no_account", message: "The customer's bank account could not be located." },
  "000222222227": {
    code: "insufficient_funds",
    message: "The customer's account has insufficient funds to cover this payment.",
  },
  "000333333335": {
    code: "debit_not_authorized",
    message: "The customer has notified their bank that this payment was unauthorized.",
  },
};

/** Resolves the input to a test instrument, or throws the card_error Stripe answers for an unusable number. */
export function resolveInstrument(input: PaymentInput): Instrument {
  if (input.type === "us_bank_account") return bankAccount(input.accountNumber.replace(/\s+/g, ""));
  const number = input.number.replace(/[\s-]+/g, "");
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) {
    throw cardError({ code: "incorrect_number", message: "Your card number is incorrect." });
  }
  const known = TEST_CARDS[number];
  if (!known) {
    throw cardError({
      code: "card_declined",
      declineCode: "test_mode_live_card",
      message:
        "Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.",
    });
  }
  const year = new Date().getUTCFullYear();
  const expMonth = input.expMonth ?? 12;
  const expYear = input.expYear ?? year + 3;
  const fingerprint = fingerprintOf(number);
  const last4 = number.slice(-4);
  const common = { brand: known.brand, country: "US", exp_month: expMonth, exp_year: expYear, fingerprint };
  const funding = known.funding ?? "credit";
  return {
    type: "card",
    last4,
    details: {
      ...common,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: input.cvc ? "pass" : null },
      display_brand: known.brand,
      funding,
      generated_from: null,
      last4,
      networks: { available: [known.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    chargeDetails: {
      ...common,
      amount_authorized: null,
      authorization_code: null,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: input.cvc ? "pass" : null },
      extended_authorization: { status: "disabled" },
      funding,
      incremental_authorization: { status: "unavailable" },
      installments: null,
      last4,
      mandate: null,
      multicapture: { status: "unavailable" },
      network: known.brand,
      network_token: { used: false },
      network_transaction_id: null,
      overcapture: { maximum_amount_capturable: 0, status: "unavailable" },
      regulated_status: "unregulated",
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
    },
    ...(known.decline ? { decline: known.decline } : {}),
  };
}

function bankAccount(accountNumber: string): Instrument {
  const outcome = BANK_ACCOUNTS[accountNumber];
  if (outcome === undefined) {
    throw new StripeError(400, {
      type: "invalid_request_error",
      code: "invalid_bank_account",
      message:
        "Use one of Stripe's test bank account numbers, e.g. 000123456789 (succeeds) or 000111111116 (fails). See https://docs.stripe.com/payments/ach-direct-debit/accept-a-payment#test-account-numbers.",
      param: "bank_account",
    });
  }
  const last4 = accountNumber.slice(-4);
  const details = {
    account_holder_type: "individual",
    account_type: "checking",
    bank_name: "STRIPE TEST BANK",
    fingerprint: fingerprintOf(accountNumber),
    last4,
    routing_number: "110000000",
  };
  return {
    type: "us_bank_account",
    last4,
    details: {
      ...details,
      financial_connections_account: null,
      networks: { preferred: "ach", supported: ["ach"] },
      status_details: null,
    },
    chargeDetails: { ...details, expected_debit_date: null, mandate: null, payment_reference: null },
    ...(outcome ? { decline: outcome } : {}),
  };
}

export function cardError(decline: Decline, extra: Record<string, unknown> = {}): StripeError {
  return new StripeError(402, {
    type: "card_error",
    code: decline.code,
    ...(decline.declineCode ? { decline_code: decline.declineCode } : {}),
    message: decline.message,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, "-")}`,
    ...extra,
  });
}

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function fingerprintOf(value: string): string {
  return createHash("sha256").update(`stripe-sandbox:${value}`).digest("base64url").slice(0, 16);
}
