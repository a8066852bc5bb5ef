import { useLocation, useSearch } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import type { XeroStatus } from "../../lib/types.ts";

type Outcome = "connected" | "choose" | "error";
const OUTCOMES: Outcome[] = ["connected", "choose", "error"];

function text(outcome: Outcome, status: XeroStatus | undefined): { title: string; detail: string } {
  switch (outcome) {
    case "connected":
      return {
        title: status?.tenant_name ? `Xero is connected to ${status.tenant_name}.` : "Xero is connected.",
        detail: "Set the revenue account and tax rates new invoices use below.",
      };
    case "choose":
      return {
        title: "Your consent covered several Xero organisations.",
        detail: "Choose the one this workspace invoices from.",
      };
    case "error":
      return {
        title: "Xero was not connected.",
        detail: "The consent was cancelled, expired or refused. Click Connect to Xero to try again.",
      };
  }
}

/** What Xero's consent came back with (?xero=connected|choose|error); dismissing it drops the query. */
export function ConsentOutcomeBanner({ status }: { status: XeroStatus | undefined }) {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const value = new URLSearchParams(search).get("xero");
  const outcome = OUTCOMES.find((o) => o === value);
  if (!outcome) return null;
  const { title, detail } = text(outcome, status);
  return (
    <div
      className={outcome === "error" ? "error-banner" : "notice"}
      role={outcome === "error" ? "alert" : "status"}
      data-testid="xero-consent-banner"
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
