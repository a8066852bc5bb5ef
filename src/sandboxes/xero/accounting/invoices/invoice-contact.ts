import type { SandboxContext } from "../../context.ts";
import { obj, str, type WireObject } from "../../core/wire-input.ts";
import type { ContactRecord, OrganisationRecord } from "../../state/types.ts";
import { createContact, findContact, findContactByName } from "../contacts/contact-service.ts";

export type ContactResolution = { ok: true; contact: ContactRecord } | { ok: false; error: string };

/**
 * Resolves the Contact on a transaction: by ContactID, ContactNumber, then by Name, creating a
 * new contact when only an unknown Name is given (what Xero does).
 */
export function resolveContact(ctx: SandboxContext, org: OrganisationRecord, input: WireObject): ContactResolution {
  const contactInput = obj(input, "Contact");
  if (!contactInput) return { ok: false, error: "A Contact must be specified for this type of transaction" };
  const id = str(contactInput, "ContactID");
  const number = str(contactInput, "ContactNumber");
  const name = str(contactInput, "Name");
  let contact: ContactRecord | undefined;
  if (id) contact = org.contacts[id.toLowerCase()];
  else if (number) contact = findContact(org, number);
  else if (name) contact = findContactByName(org, name);
  if (!contact && !id && name) {
    const created = createContact(ctx, org, contactInput);
    if (!created.ok) return { ok: false, error: created.errors[0] ?? "Contact is invalid" };
    contact = created.contact;
  }
  if (!contact) return { ok: false, error: "The contact specified could not be found" };
  if (contact.status === "ARCHIVED")
    return { ok: false, error: "The contact has been archived and cannot be used on new transactions." };
  return { ok: true, contact };
}
