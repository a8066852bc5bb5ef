import { useEffect, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useCan } from "../../lib/session.tsx";
import type { Opportunity } from "../../lib/types.ts";
import { usePageList } from "../../lib/use-page-list.ts";
import { ExportCsvLink } from "../imports/export-csv-link.tsx";
import { CreateOpportunityDialog } from "./create-opportunity-dialog.tsx";
import { OpportunityList } from "./opportunity-list.tsx";
import { OPPORTUNITIES_KEY } from "./queries.ts";

function useDebounced(value: string, ms = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

export function OpportunitiesPage() {
  const canWrite = useCan("opportunities:write");
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const q = useDebounced(search.trim());
  const list = usePageList<Opportunity>(OPPORTUNITIES_KEY, "/opportunities", { q, status });
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Opportunities</h1>
          <p className="muted">Deals in progress, with the products on each.</p>
        </div>
        <div className="card-actions">
          <ExportCsvLink entity="opportunities" query={{ q, status }} />
          {canWrite ? (
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-opportunity">
              New opportunity
            </Button>
          ) : null}
        </div>
      </header>
      <Card>
        <div className="toolbar">
          <input
            type="search"
            placeholder="Search opportunities…"
            aria-label="Search opportunities"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="opportunity-search"
          />
          <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All statuses</option>
            <option value="open">Open</option>
            <option value="won">Won</option>
            <option value="lost">Lost</option>
          </select>
        </div>
        <ErrorBanner error={list.error} onRetry={() => void list.refetch()} />
        <OpportunityList list={list} filtered={Boolean(q || status)} />
      </Card>
      <CreateOpportunityDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
