import { useEffect, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import type { Company } from "../../lib/types.ts";
import { useLinkXeroContact, useXeroContactSearch } from "./queries.ts";

type Props = { open: boolean; company: Company; onClose: () => void };

/** Typing pauses before Xero is asked, so a name typed quickly is one search, not one per letter. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Add Contact → Link Existing: search the organisation's contacts by name or email and link one. */
export function LinkContactDialog({ open, company, onClose }: Props) {
  const toast = useToast();
  const [q, setQ] = useState(company.name);
  const query = useDebounced(q.trim(), 300);
  const results = useXeroContactSearch(query, open && query.length > 0);
  const link = useLinkXeroContact(company.id);
  const contacts = results.data ?? [];
  const close = () => {
    link.reset();
    onClose();
  };
  return (
    <Dialog open={open} title={`Link ${company.name} to a Xero contact`} onClose={close} testId="link-contact-dialog">
      <div className="form">
        <ErrorBanner error={link.error ?? results.error} />
        <input
          type="search"
          aria-label="Search Xero contacts by name or email"
          placeholder="Name or email"
          maxLength={100}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="xero-contact-search"
        />
        {results.isFetching && contacts.length === 0 ? <Loading label="Searching Xero…" /> : null}
        {query && !results.isFetching && contacts.length === 0 && !results.isError ? (
          <p className="muted" data-testid="no-xero-contacts">
            No Xero contact matches “{query}”. Try part of the name or the email, or close this and choose New Contact.
          </p>
        ) : null}
        {contacts.length > 0 ? (
          <ul className="pick-list" data-testid="xero-contact-results">
            {contacts.map((contact) => (
              <li key={contact.id} className="pick-row" data-testid="xero-contact-result" data-contact-id={contact.id}>
                <span>
                  <span className="strong">{contact.name}</span>
                  {contact.email ? <span className="muted small"> · {contact.email}</span> : null}
                </span>
                <Button
                  size="sm"
                  busy={link.isPending && link.variables?.mode === "link" && link.variables.contact_id === contact.id}
                  disabled={link.isPending}
                  onClick={() =>
                    link.mutate(
                      { mode: "link", contact_id: contact.id },
                      {
                        onSuccess: () => {
                          toast(`${company.name} linked to ${contact.name} in Xero`);
                          close();
                        },
                      },
                    )
                  }
                  data-testid="link-xero-contact"
                >
                  Link
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Dialog>
  );
}
