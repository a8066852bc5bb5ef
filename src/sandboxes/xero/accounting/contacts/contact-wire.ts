import { isoSeconds, msInstant } from "../../core/dates.ts";
import type { ContactRecord } from "../../state/types.ts";

export function contactToWire(contact: ContactRecord): Record<string, unknown> {
  return {
    ContactID: contact.contactId,
    ContactNumber: contact.contactNumber,
    AccountNumber: contact.accountNumber,
    ContactStatus: contact.status,
    Name: contact.name,
    FirstName: contact.firstName,
    LastName: contact.lastName,
    EmailAddress: contact.emailAddress,
    TaxNumber: contact.taxNumber,
    Addresses: [],
    Phones: [],
    UpdatedDateUTC: msInstant(contact.updatedMs),
    ContactGroups: [],
    IsSupplier: false,
    IsCustomer: true,
    ContactPersons: [],
    HasAttachments: false,
    HasValidationErrors: false,
  };
}

/** The short form embedded in invoices and payments. */
export function contactSummaryToWire(contact: ContactRecord | undefined): Record<string, unknown> {
  if (!contact) return {};
  return {
    ContactID: contact.contactId,
    ContactNumber: contact.contactNumber,
    Name: contact.name,
    EmailAddress: contact.emailAddress,
    ContactStatus: contact.status,
    UpdatedDateUTC: msInstant(contact.updatedMs),
    HasValidationErrors: false,
  };
}

export const contactUpdatedIso = (contact: ContactRecord): string => isoSeconds(contact.updatedMs);
