import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { RowActions } from "../../components/ui/row-actions.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { useCan } from "../../lib/session.tsx";
import type { Contact } from "../../lib/types.ts";
import { ContactFormDialog } from "./contact-form-dialog.tsx";
import { useCompanyContacts, useMakePrimary, useRemoveContact } from "./queries.ts";

type Editing = { contact: Contact | null } | null;

/** The company's people; adding, editing and removing need contacts:write and are absent without it. */
export function ContactsCard({ companyId }: { companyId: string }) {
  const canRead = useCan("contacts:read");
  const canWrite = useCan("contacts:write");
  const contacts = useCompanyContacts(companyId, canRead);
  const remove = useRemoveContact();
  const primary = useMakePrimary();
  // The primary contact first, then by name.
  const rows = [...(contacts.data ?? [])].sort(
    (a, b) => Number(b.is_primary) - Number(a.is_primary) || a.name.localeCompare(b.name),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  if (!canRead) return null;
  return (
    <Card
      title="Contacts"
      testId="contacts-card"
      actions={
        canWrite ? (
          <Button size="sm" onClick={() => setEditing({ contact: null })} data-testid="new-contact">
            Add contact
          </Button>
        ) : null
      }
    >
      <ErrorBanner error={contacts.error} onRetry={() => void contacts.refetch()} />
      <ErrorBanner error={primary.error} />
      {contacts.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title="No contacts yet" />
      ) : (
        <Table
          head={
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Phone</th>
              {canWrite ? <th aria-label="Actions" /> : null}
            </tr>
          }
        >
          {rows.map((c) => (
            <tr key={c.id} data-testid="contact-row" data-name={c.name} data-primary={c.is_primary}>
              <td>
                <span className="strong">{c.name}</span>
                {c.is_primary ? (
                  <>
                    {" "}
                    <Pill tone="indigo" testId="primary-contact">
                      Primary
                    </Pill>
                  </>
                ) : null}
              </td>
              <td>{c.email ?? "—"}</td>
              <td>{c.phone ?? "—"}</td>
              {canWrite ? (
                <RowActions name="contact" onEdit={() => setEditing({ contact: c })} onRemove={() => setRemoving(c)} />
              ) : null}
            </tr>
          ))}
        </Table>
      )}
      {editing ? (
        <ContactFormDialog open companyId={companyId} contact={editing.contact} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? "contact"}?`}
        confirmLabel="Remove"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
      >
        <p>Opportunities that name them as the primary contact keep going without one.</p>
      </ConfirmDialog>
    </Card>
  );
}
