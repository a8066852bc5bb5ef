import type { Decline } from "./test-instruments.ts";

const DECLINED = "Your card was declined.";

/** Stripe's documented test cards (docs.stripe.com/testing). */
export const TEST_CARDS: Record<string, { brand: string; funding?: string; decline?: Decline }> = {
  "4242424242424242": { brand: "visa" },
  "4000056655665556": { brand: "visa", funding: "debit" },
  "5555555555554444": { brand: "mastercard" },
  "2223003122003222": { brand: "mastercard" },
  "378282246310005": { brand: "amex" },
  "6011111111111117": { brand: "discover" },
  "4000000000000002": {
    brand: "visa",
    decline: { code: "card_declined", declineCode: "generic_decline", message: DECLINED },
  },
  "4000000000009995": {
    brand: "visa",
    decline: { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
  },
  "4000000000009987": {
    brand: "visa",
    decline: { code: "card_declined", declineCode: "lost_card", message: DECLINED },
  },
  "4000000000009979": {
    brand: "visa",
    decline: { code: "card_declined", declineCode: "stolen_card", message: DECLINED },
  },
  "4000000000000069": {
    brand: "visa",
    decline: { code: "expired_card", declineCode: "expired_card", message: "Your card has expired." },
  },
  "4000000000000127": {
    brand: "visa",
    decline: {
      code: "incorrect_cvc",
      declineCode: "incorrect_cvc",
      message: "Your card's security code is incorrect.",
    },
  },
  "4000000000000119": {
    brand: "visa",
    decline: {
      code: "processing_error",
      declineCode: "processing_error",
      message: "An error occurred while processing your card. Try again in a little bit.",
    },
  },
};
