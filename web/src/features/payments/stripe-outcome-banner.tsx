import { useLocation, useSearch } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import type { StripeStatus } from "../../lib/types.ts";

type Outcome = "connected" | "denied" | "error";
const OUTCOMES: Outcome[] = ["connected", "denied", "error"];

function text(outcome: Outcome, status: StripeStatus | undefined): { title: string; detail: string } {
  switch (outcome) {
    case "connected":
      return {
        title: status?.account_name ? `Stripe is connected to ${status.account_name}.` : "Stripe is connected.",
        detail: "Approved native invoices can now get a payment link: Create payment link on the invoice.",
      };
    case "denied":
      return {
        title: "Stripe was not connected.",
        detail: "The request was denied on Stripe's page. Click Connect Stripe to try again.",
      };
    case "error":
      return {
        title: "Stripe was not connected.",
        detail: "The connection was cancelled, expired or refused. Click Connect Stripe to try again.",
      };
  }
}

/** What Stripe's Connect page came back with (?stripe=connected|denied|error); dismissing it drops the query. */
export function StripeOutcomeBanner({ status }: { status: StripeStatus | undefined }) {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const value = new URLSearchParams(search).get("stripe");
  const outcome = OUTCOMES.find((o) => o === value);
  if (!outcome) return null;
  const { title, detail } = text(outcome, status);
  const ok = outcome === "connected";
  return (
    <div
      className={ok ? "notice" : "error-banner"}
      role={ok ? "status" : "alert"}
      data-testid="stripe-outcome-banner"
      data-outcome={outcome}
    >
      <div>
        <strong>{title}</strong>
        <p className="error-fix">{detail}</p>
      </div>
      <Button size="sm" variant="ghost" onClick={() => navigate(location, { replace: true })}>
        Dismiss
      </Button>
    </div>
  );
}
