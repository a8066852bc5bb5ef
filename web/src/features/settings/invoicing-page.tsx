import { useQuery } from "@tanstack/react-query";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { api } from "../../lib/api.ts";
import type { InvoiceSettings } from "../../lib/types.ts";
import { InvoicingForm } from "./invoicing-form.tsx";
import { INVOICE_SETTINGS_KEY } from "./queries.ts";

export function InvoicingPage() {
  const settings = useQuery({
    queryKey: INVOICE_SETTINGS_KEY,
    queryFn: () => api<InvoiceSettings>("/settings/invoicing"),
  });
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Invoicing</h1>
          <p className="muted">Numbering, tax and deposits for native invoices raised in Settle.</p>
        </div>
      </header>
      <ErrorBanner error={settings.error} onRetry={() => void settings.refetch()} />
      <Card testId="invoicing-settings">
        {settings.isPending ? <Loading /> : settings.data ? <InvoicingForm settings={settings.data} /> : null}
      </Card>
    </div>
  );
}
