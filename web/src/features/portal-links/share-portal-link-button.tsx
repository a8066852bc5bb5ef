import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { useCan } from "../../lib/session.tsx";
import { usePortalContact } from "./queries.ts";
import { SharePortalLinkDialog } from "./share-portal-link-dialog.tsx";

/** "Share portal link" for a contact; only members who may make links (invoices:write) see it. */
export function SharePortalLinkButton({
  contactId,
  testId = "share-portal-link",
}: {
  contactId: string;
  testId?: string;
}) {
  const canWrite = useCan("invoices:write");
  const canReadContacts = useCan("contacts:read");
  const [open, setOpen] = useState(false);
  const contact = usePortalContact(contactId, canWrite && canReadContacts);
  if (!canWrite) return null;
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} data-testid={testId}>
        Share portal link
      </Button>
      {open ? (
        <SharePortalLinkDialog contactId={contactId} contactName={contact.data?.name} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

/** The opportunity's primary contact, by name, with Share portal link beside it. */
export function PrimaryContact({ contactId }: { contactId: string | null }) {
  const canReadContacts = useCan("contacts:read");
  const contact = usePortalContact(contactId ?? "", contactId !== null && canReadContacts);
  if (!contactId) return null;
  return (
    <span className="inline" data-testid="primary-contact">
      {contact.data ? <span>Contact: {contact.data.name}</span> : null}
      <SharePortalLinkButton contactId={contactId} />
    </span>
  );
}
