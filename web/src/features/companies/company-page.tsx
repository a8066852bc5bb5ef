import { useState } from "react";
import { Link, useLocation } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { formatDate } from "../../lib/format.ts";
import { useCan } from "../../lib/session.tsx";
import { useCompany } from "../xero-invoices/queries.ts";
import { CompanyFormDialog } from "./company-form-dialog.tsx";
import { CompanyInvoicesCard } from "./company-invoices-card.tsx";
import { CompanyOpportunitiesCard } from "./company-opportunities-card.tsx";
import { CompanyXeroLink } from "./company-xero-link.tsx";
import { ContactsCard } from "./contacts-card.tsx";
import { PayerRelationsCard } from "./payer-relations-card.tsx";
import { useArchiveCompany, useCompanyOverview, useDeleteCompany } from "./queries.ts";

function Back() {
  return (
    <Link href="/companies" className="back-link">
      ← Companies
    </Link>
  );
}

export function CompanyPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const canWrite = useCan("companies:write");
  const company = useCompany(id, true);
  // Opportunities, invoices and payer relations in one request; each part is present only with its scope.
  const overview = useCompanyOverview(id);
  const remove = useDeleteCompany(id);
  const archive = useArchiveCompany(id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (company.isPending) return <Loading />;
  if (company.isError) {
    return (
      <div className="page">
        <Back />
        <ErrorBanner error={company.error} onRetry={() => void company.refetch()} />
      </div>
    );
  }
  const c = company.data;
  return (
    <div className="page">
      <Back />
      <header className="page-header">
        <div>
          <h1 data-testid="company-name">{c.name}</h1>
          <p className="muted meta">
            {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
            {c.phone ? <span>{c.phone}</span> : null}
            {c.website ? <span>{c.website}</span> : null}
          </p>
          <CompanyXeroLink company={c} />
        </div>
        {canWrite ? (
          <div className="card-actions">
            <Button onClick={() => setEditing(true)} data-testid="edit-company">
              Edit
            </Button>
            <Button
              busy={archive.isPending}
              onClick={() => archive.mutate(!c.archived_at)}
              data-testid={c.archived_at ? "restore-company" : "archive-company"}
            >
              {c.archived_at ? "Restore" : "Archive"}
            </Button>
            <Button variant="danger" onClick={() => setDeleting(true)} data-testid="delete-company">
              Delete
            </Button>
          </div>
        ) : null}
      </header>
      <ErrorBanner error={archive.error} />
      {c.archived_at ? (
        <div className="notice" role="status" data-testid="company-archived">
          Archived on {formatDate(c.archived_at)}: hidden from the companies list, its history kept.
        </div>
      ) : null}
      <ContactsCard companyId={id} />
      <ErrorBanner error={overview.error} onRetry={() => void overview.refetch()} />
      {overview.isPending ? (
        <Loading />
      ) : overview.data ? (
        <>
          {overview.data.opportunities ? (
            <CompanyOpportunitiesCard company={c} opportunities={overview.data.opportunities} />
          ) : null}
          {overview.data.payer_for ? <PayerRelationsCard relations={overview.data.payer_for} /> : null}
          {overview.data.invoices ? (
            <CompanyInvoicesCard invoices={overview.data.invoices} opportunities={overview.data.opportunities ?? []} />
          ) : null}
        </>
      ) : null}
      {editing ? <CompanyFormDialog open company={c} onClose={() => setEditing(false)} /> : null}
      <ConfirmDialog
        open={deleting}
        title={`Delete ${c.name}?`}
        confirmLabel="Delete"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate("/companies") })}
      >
        <p>Only a company without opportunities can be deleted; its contacts stay, unlinked.</p>
      </ConfirmDialog>
    </div>
  );
}
