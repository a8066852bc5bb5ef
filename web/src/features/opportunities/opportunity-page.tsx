import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { humanise } from "../../lib/format.ts";
import { useCan } from "../../lib/session.tsx";
import { xeroStatusQuery } from "../integrations/queries.ts";
import { InvoicesSection } from "../invoices/invoices-section.tsx";
import { invoiceSummaryQuery, invoicesQuery } from "../invoices/queries.ts";
import { PrimaryContact } from "../portal-links/share-portal-link-button.tsx";
import { useCompany } from "../xero-invoices/queries.ts";
import { OpportunityActions } from "./opportunity-actions.tsx";
import { STATUS_TONE } from "./opportunity-list.tsx";
import { ProductsCard } from "./products-card.tsx";
import { linesQuery, useOpportunity } from "./queries.ts";

/**
 * The lines, invoices and summary are requested beside the opportunity rather than by the cards once it has
 * arrived, which would put a second round trip before the page is usable. These observers only start and
 * refresh the queries (no re-render of the page on their results); the cards read them with ON_PAGE.
 */
function usePageQueries(id: string): void {
  const canReadInvoices = useCan("invoices:read");
  const canReadIntegrations = useCan("integrations:read");
  useQuery({ ...linesQuery(id), notifyOnChangeProps: [] });
  // Whether invoices go through Xero decides the Invoices section's buttons.
  useQuery({ ...xeroStatusQuery, enabled: canReadInvoices && canReadIntegrations, notifyOnChangeProps: [] });
  useQuery({ ...invoicesQuery(id), enabled: canReadInvoices, notifyOnChangeProps: [] });
  useQuery({ ...invoiceSummaryQuery(id), enabled: canReadInvoices, notifyOnChangeProps: [] });
}

export function OpportunityPage({ id }: { id: string }) {
  const opportunity = useOpportunity(id);
  // The opportunity's own company, read by id: a list of the first companies may not hold it.
  const companyId = opportunity.data?.company_id ?? "";
  const companyQuery = useCompany(companyId, useCan("companies:read") && companyId !== "");
  usePageQueries(id);
  if (opportunity.isPending) return <Loading />;
  if (opportunity.isError) {
    return (
      <div className="page">
        <Link href="/opportunities" className="back-link">
          ← Opportunities
        </Link>
        <ErrorBanner error={opportunity.error} onRetry={() => void opportunity.refetch()} />
      </div>
    );
  }
  const o = opportunity.data;
  const company = companyQuery.data;
  return (
    <div className="page">
      <Link href="/opportunities" className="back-link">
        ← Opportunities
      </Link>
      <header className="page-header">
        <div>
          <h1 data-testid="opportunity-name">{o.name}</h1>
          <p className="muted meta">
            <Pill tone={STATUS_TONE[o.status] ?? "grey"} testId="opportunity-status">
              {humanise(o.status)}
            </Pill>
            {o.stage ? <span>Stage: {humanise(o.stage)}</span> : null}
            {company ? (
              <Link href={`/companies/${company.id}`} data-testid="opportunity-company">
                {company.name}
              </Link>
            ) : null}
            <PrimaryContact contactId={o.primary_contact_id} />
            <span>{o.currency}</span>
          </p>
        </div>
        <OpportunityActions opportunity={o} />
      </header>
      <ProductsCard opportunity={o} />
      <InvoicesSection opportunity={o} />
    </div>
  );
}
