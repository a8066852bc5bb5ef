import { type Outcome, QueryOutcomeBanner } from "../../components/query-outcome-banner.tsx";
import type { XeroStatus } from "../../lib/types.ts";

function read(value: string, status: XeroStatus | undefined): Outcome | null {
  switch (value) {
    case "connected":
      return {
        title: status?.tenant_name ? `Xero is connected to ${status.tenant_name}.` : "Xero is connected.",
        detail: "Set the revenue account and tax rates new invoices use below.",
        ok: true,
      };
    case "choose":
      return {
        title: "Your consent covered several Xero organisations.",
        detail: "Choose the one this workspace invoices from.",
        ok: true,
      };
    case "error":
      return {
        title: "Xero was not connected.",
        detail: "The consent was cancelled, expired or refused. Click Connect to Xero to try again.",
        ok: false,
      };
    default:
      return null;
  }
}

/** What Xero's consent came back with (?xero=connected|choose|error). */
export function ConsentOutcomeBanner({ status }: { status: XeroStatus | undefined }) {
  return <QueryOutcomeBanner param="xero" read={(value) => read(value, status)} testId="xero-consent-banner" />;
}
