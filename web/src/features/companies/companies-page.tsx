import { useState } from "react";
import { Link } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatDate } from "../../lib/format.ts";
import { useCan } from "../../lib/session.tsx";
import type { Company } from "../../lib/types.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { usePageList } from "../../lib/use-page-list.ts";
import { ExportCsvLink } from "../imports/export-csv-link.tsx";
import { CompanyFormDialog } from "./company-form-dialog.tsx";
import { COMPANIES_KEY } from "./queries.ts";

/** The orders the list API offers; each is paged by cursor on the server, never sorted here. */
const SORTS = [
  { value: "", label: "Newest first" },
  { value: "name", label: "Name A–Z" },
] as const;
const SHOWING = [
  { value: "", label: "Active" },
  { value: "only", label: "Archived" },
  { value: "true", label: "Active and archived" },
] as const;

export function CompaniesPage() {
  const canWrite = useCan("companies:write");
  const canReadContacts = useCan("contacts:read");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState("");
  const [archived, setArchived] = useState("");
  const q = useDebounced(search.trim());
  const list = usePageList<Company>(COMPANIES_KEY, "/companies", {
    q,
    sort: sort || undefined,
    archived: archived || undefined,
  });
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Companies</h1>
          <p className="muted">The businesses you sell to, with their contacts and deals.</p>
        </div>
        <div className="card-actions">
          <ExportCsvLink entity="companies" query={{ q, archived: archived || undefined }} />
          {canReadContacts ? <ExportCsvLink entity="contacts" label="Export contacts" /> : null}
          {canWrite ? (
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-company">
              New company
            </Button>
          ) : null}
        </div>
      </header>
      <Card>
        <div className="toolbar">
          <input
            type="search"
            placeholder="Search companies…"
            aria-label="Search companies"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="company-search"
          />
          <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value)} data-testid="company-sort">
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <select
            aria-label="Showing"
            value={archived}
            onChange={(e) => setArchived(e.target.value)}
            data-testid="company-archived"
          >
            {SHOWING.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <ErrorBanner error={list.error} onRetry={() => void list.refetch()} />
        {list.isPending ? (
          <Loading />
        ) : list.isError ? null : list.items.length === 0 ? (
          <EmptyState title={q ? "No companies match" : "No companies yet"}>
            <p className="muted">
              {q ? "Try part of the name." : "Create one, or bring yours in from a CSV (Import)."}
            </p>
          </EmptyState>
        ) : (
          <Table
            testId="company-table"
            head={
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Phone</th>
                <th>Added</th>
              </tr>
            }
          >
            {list.items.map((c) => (
              <tr key={c.id} data-testid="company-row" data-name={c.name}>
                <td>
                  <Link href={`/companies/${c.id}`} className="row-link">
                    {c.name}
                  </Link>
                  {c.archived_at ? (
                    <>
                      {" "}
                      <Pill>Archived</Pill>
                    </>
                  ) : null}
                </td>
                <td>{c.email ?? "—"}</td>
                <td>{c.phone ?? "—"}</td>
                <td>{formatDate(c.created_at)}</td>
              </tr>
            ))}
          </Table>
        )}
        {list.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage} data-testid="load-more">
              Load more
            </Button>
          </div>
        ) : null}
      </Card>
      {creating ? <CompanyFormDialog open company={null} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
