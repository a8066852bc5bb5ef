import { type Outcome, QueryOutcomeBanner } from "../../components/query-outcome-banner.tsx";
import type { StripeStatus } from "../../lib/types.ts";

function read(value: string, status: StripeStatus | undefined): Outcome | null {
  switch (value) {
    case "connected":
      return {
        title: status?.account_name ? `Stripe is connected to ${status.account_name}.` : "Stripe is connected.",
        detail: "Approved native invoices can now get a payment link: Create payment link on the invoice.",
        ok: true,
      };
    case "denied":
      return {
        title: "Stripe was not connected.",
        detail: "The request was denied on Stripe's page. Click Connect Stripe to try again.",
        ok: false,
      };
    case "error":
      return {
        title: "Stripe was not connected.",
        detail: "The connection was cancelled, expired or refused. Click Connect Stripe to try again.",
        ok: false,
      };
    default:
      return null;
  }
}

/** What Stripe's Connect page came back with (?stripe=connected|denied|error). */
export function StripeOutcomeBanner({ status }: { status: StripeStatus | undefined }) {
  return <QueryOutcomeBanner param="stripe" read={(value) => read(value, status)} testId="stripe-outcome-banner" />;
}
