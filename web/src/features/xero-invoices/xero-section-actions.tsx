import { useState } from "react";
import { Menu, MenuItem } from "../../components/ui/menu.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import type { Company, Opportunity, XeroInvoicing } from "../../lib/types.ts";
import { AddContactMenu } from "./add-contact-menu.tsx";
import { useSyncXeroInvoices } from "./queries.ts";
import { SendXeroInvoiceDialog } from "./send-xero-invoice-dialog.tsx";

type Props = {
  opportunity: Opportunity;
  status: XeroInvoicing;
  /** Undefined when the member cannot read companies: the server then says if the contact is missing. */
  company: Company | undefined;
  onError: (error: unknown) => void;
};

/** The Invoices card's header while Xero is connected: Add Contact when needed, then Actions. */
export function XeroSectionActions({ opportunity, status, company, onError }: Props) {
  const toast = useToast();
  const [sending, setSending] = useState(false);
  const sync = useSyncXeroInvoices(opportunity.id);
  const needsContact = company !== undefined && company.xero_contact_id === null;
  return (
    <>
      {needsContact ? <AddContactMenu company={company} onError={onError} /> : null}
      <Menu label={sync.isPending ? "Syncing…" : "Actions"} testId="xero-actions">
        <MenuItem
          testId="send-xero-invoice"
          disabled={needsContact}
          hint={needsContact ? "Add a Xero contact first" : "Full, deposit, balance or ongoing"}
          onSelect={() => {
            onError(null);
            setSending(true);
          }}
        >
          Send Invoice
        </MenuItem>
        <MenuItem
          testId="sync-xero-invoices"
          hint="Pull the latest from Xero"
          onSelect={() => {
            onError(null);
            sync.mutate(undefined, {
              onSuccess: (r) => toast(r.queued ? "Syncing invoices with Xero…" : "A sync is already on its way"),
              onError,
            });
          }}
        >
          Sync Invoices
        </MenuItem>
      </Menu>
      {sending ? (
        <SendXeroInvoiceDialog open opportunity={opportunity} status={status} onClose={() => setSending(false)} />
      ) : null}
    </>
  );
}
