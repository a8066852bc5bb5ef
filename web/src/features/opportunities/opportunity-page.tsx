import { Link } from "wouter";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { humanise } from "../../lib/format.ts";
import { useCan } from "../../lib/session.tsx";
import { InvoicesSection } from "../invoices/invoices-section.tsx";
import { OpportunityActions } from "./opportunity-actions.tsx";
import { STATUS_TONE } from "./opportunity-list.tsx";
import { ProductsCard } from "./products-card.tsx";
import { useCompanies, useOpportunity } from "./queries.ts";

export function OpportunityPage({ id }: { id: string }) {
  const opportunity = useOpportunity(id);
  const companies = useCompanies(useCan("companies:read"));
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
  const company = companies.data?.find((c) => c.id === o.company_id);
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
            {company ? <span>{company.name}</span> : null}
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
