import type { SandboxContext } from "../../context.ts";
import { newId } from "../../core/ids.ts";
import { str, type WireObject } from "../../core/wire-input.ts";
import type { ContactRecord, OrganisationRecord } from "../../state/types.ts";

export type ContactResult = { ok: true; contact: ContactRecord } | { ok: false; errors: string[] };

const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

export function createContact(ctx: SandboxContext, org: OrganisationRecord, input: WireObject): ContactResult {
  const draft: ContactRecord = { contactId: newId(), name: "", status: "ACTIVE", updatedMs: ctx.clock.nowMs() };
  const errors = applyContactFields(org, draft, input);
  if (!draft.name) errors.unshift("The contact name must be specified.");
  if (errors.length > 0) return { ok: false, errors };
  org.contacts[draft.contactId] = draft;
  ctx.events.emit({
    tenantId: org.organisationId,
    category: "CONTACT",
    type: "CREATE",
    resourceId: draft.contactId,
    atMs: draft.updatedMs,
  });
  ctx.store.changed();
  return { ok: true, contact: draft };
}

export function updateContact(
  ctx: SandboxContext,
  org: OrganisationRecord,
  contact: ContactRecord,
  input: WireObject,
): ContactResult {
  const draft: ContactRecord = { ...contact };
  const errors = applyContactFields(org, draft, input);
  if (errors.length > 0) return { ok: false, errors };
  draft.updatedMs = ctx.clock.nowMs();
  Object.assign(contact, draft);
  ctx.events.emit({
    tenantId: org.organisationId,
    category: "CONTACT",
    type: "UPDATE",
    resourceId: contact.contactId,
    atMs: contact.updatedMs,
  });
  ctx.store.changed();
  return { ok: true, contact };
}

/** Finds by ContactID, then by ContactNumber, as GET /Contacts/{ContactID or ContactNumber} does. */
export function findContact(org: OrganisationRecord, idOrNumber: string): ContactRecord | undefined {
  const byId = org.contacts[idOrNumber.toLowerCase()];
  if (byId) return byId;
  return Object.values(org.contacts).find((c) => c.contactNumber !== undefined && c.contactNumber === idOrNumber);
}

export function findContactByName(org: OrganisationRecord, name: string): ContactRecord | undefined {
  const wanted = name.trim().toLowerCase();
  return Object.values(org.contacts).find((c) => c.status === "ACTIVE" && c.name.toLowerCase() === wanted);
}

function applyContactFields(org: OrganisationRecord, draft: ContactRecord, input: WireObject): string[] {
  const errors: string[] = [];
  const name = str(input, "Name");
  if (name !== undefined) {
    draft.name = name.trim();
    if (draft.name.length > 255) errors.push("The contact name must be 255 characters or less.");
    const clash = findContactByName(org, draft.name);
    if (clash && clash.contactId !== draft.contactId) {
      errors.push(
        `The contact name ${draft.name} is already assigned to another contact. The contact name must be unique across all active contacts.`,
      );
    }
  }
  const email = str(input, "EmailAddress");
  if (email !== undefined) {
    if (email !== "" && (!EMAIL.test(email) || email.length > 255)) errors.push("Email address must be valid.");
    draft.emailAddress = email || undefined;
  }
  const number = str(input, "ContactNumber");
  if (number !== undefined) {
    if (number.length > 50) errors.push("The Contact Number must be 50 characters or less.");
    draft.contactNumber = number || undefined;
  }
  const account = str(input, "AccountNumber");
  if (account !== undefined) draft.accountNumber = account || undefined;
  for (const [key, field] of [
    ["FirstName", "firstName"],
    ["LastName", "lastName"],
    ["TaxNumber", "taxNumber"],
  ] as const) {
    const value = str(input, key);
    if (value !== undefined) draft[field] = value || undefined;
  }
  const status = str(input, "ContactStatus");
  if (status === "ARCHIVED" || status === "ACTIVE") draft.status = status;
  return errors;
}
