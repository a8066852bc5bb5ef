import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { CopyButton } from "../../components/ui/copy-button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useCan } from "../../lib/session.tsx";
import { PortalLinksTable } from "./portal-links-table.tsx";
import { useCreatePortalLink, usePortalLinks, useRevokePortalLink } from "./queries.ts";
import type { CreatedPortalLink } from "./types.ts";

const EXPIRY_CHOICES = [7, 30, 90, 365] as const;

/**
 * Makes a client portal link for a contact and shows it once (Settle keeps only its hash), beside the
 * contact's earlier links with their expiry and Revoke.
 */
export function SharePortalLinkDialog({
  contactId,
  contactName,
  onClose,
}: {
  contactId: string;
  contactName: string | undefined;
  onClose: () => void;
}) {
  const canWrite = useCan("invoices:write");
  const links = usePortalLinks(contactId, true);
  const create = useCreatePortalLink(contactId);
  const revoke = useRevokePortalLink(contactId);
  const [days, setDays] = useState<number>(30);
  const [created, setCreated] = useState<CreatedPortalLink | null>(null);
  return (
    <Dialog
      open
      wide
      title={contactName ? `Portal link for ${contactName}` : "Portal link"}
      onClose={onClose}
      testId="share-portal-link-dialog"
    >
      <p className="muted small">
        The client sees their company's invoices (status, amount due, due date, PDF and Pay now) and nothing else.
      </p>
      <ErrorBanner error={create.error ?? revoke.error ?? links.error} />
      {created ? (
        <div className="portal-link-created" data-testid="portal-link-created" data-url={created.url}>
          <Field label="Link (shown once; copy it now)">
            {(id) => (
              <input
                id={id}
                readOnly
                value={created.url}
                data-testid="portal-link-url"
                onFocus={(e) => e.target.select()}
              />
            )}
          </Field>
          <div className="row-actions">
            <CopyButton text={created.url} label="Copy link" />
            <span className="muted small">Expires {formatDateTime(created.expires_at)}</span>
          </div>
        </div>
      ) : null}
      {canWrite ? (
        <div className="row-actions">
          <Field label="Valid for">
            {(id) => (
              <select
                id={id}
                value={days}
                onChange={(e) => setDays(Number(e.target.value))}
                data-testid="portal-link-days"
              >
                {EXPIRY_CHOICES.map((d) => (
                  <option key={d} value={d}>
                    {d} days
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button
            variant="primary"
            size="sm"
            busy={create.isPending}
            onClick={() => create.mutate({ expires_in_days: days }, { onSuccess: setCreated })}
            data-testid="create-portal-link"
          >
            {created ? "Create another link" : "Create link"}
          </Button>
        </div>
      ) : null}
      <h3 className="small">Links</h3>
      {links.isPending ? (
        <Loading />
      ) : (
        <PortalLinksTable
          links={links.data?.data ?? []}
          canWrite={canWrite}
          revoking={revoke.isPending ? (revoke.variables ?? null) : null}
          onRevoke={(id) => revoke.mutate(id)}
        />
      )}
    </Dialog>
  );
}
