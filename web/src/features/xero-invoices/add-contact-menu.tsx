import { useState } from "react";
import { Menu, MenuItem } from "../../components/ui/menu.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import type { Company } from "../../lib/types.ts";
import { LinkContactDialog } from "./link-contact-dialog.tsx";
import { useLinkXeroContact } from "./queries.ts";

/**
 * Invoices in Xero are raised against the company's Xero contact: New Contact makes one from the company,
 * Link Existing attaches one already in Xero. A failure shows in the section (the menu closes on click).
 */
export function AddContactMenu({ company, onError }: { company: Company; onError: (error: unknown) => void }) {
  const toast = useToast();
  const [linking, setLinking] = useState(false);
  const create = useLinkXeroContact(company.id);
  return (
    <>
      <Menu label={create.isPending ? "Creating contact…" : "Add Contact"} testId="add-xero-contact" variant="primary">
        <MenuItem
          testId="new-xero-contact"
          hint={`From ${company.name}`}
          disabled={create.isPending}
          onSelect={() => {
            onError(null);
            create.mutate(
              { mode: "create" },
              {
                onSuccess: () => toast(`Xero contact created for ${company.name}`),
                onError,
              },
            );
          }}
        >
          New Contact
        </MenuItem>
        <MenuItem testId="link-existing-contact" hint="Search Xero by name or email" onSelect={() => setLinking(true)}>
          Link Existing
        </MenuItem>
      </Menu>
      {linking ? <LinkContactDialog open company={company} onClose={() => setLinking(false)} /> : null}
    </>
  );
}
