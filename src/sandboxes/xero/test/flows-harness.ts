import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { AccountingApi, Invoice, LineItem } from "xero-node";
import { salesInvoice } from "./fixtures.ts";
import { type Harness, NZ_TENANT, startHarness } from "./harness.ts";

// What Settle's Xero invoicing needs, end to end through xero-node: one sandbox per test file, a client
// credentials token, and the demo organisation's two contacts (one with an email, one without).
export let h: Harness;
export let api: AccountingApi;
export let contactId: string;
export let noEmailContactId: string;
export const T = NZ_TENANT;
export const DAY = 86_400_000;
/** xero-node types dates as strings but hands back Date objects for /Date(…)/ values. */
export const day = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : "missing");

/** Starts the file's sandbox before its tests and checks every exchange against Xero's spec after each. */
export function setUpFlows(): void {
  beforeAll(async () => {
    h = await startHarness({ limits: { perMinute: 10_000 }, now: () => new Date("2025-01-01T09:00:00Z") });
    api = h.accounting(await h.clientCredentialsToken());
    const contacts = (await api.getContacts(T)).body.contacts ?? [];
    contactId = contacts.find((c) => c.name === "City Agency")?.contactID ?? "";
    noEmailContactId = contacts.find((c) => c.name === "Marine Systems")?.contactID ?? "";
  });
  afterAll(() => h.close());
  afterEach(() => {
    expect(h.conformance.violations).toEqual([]);
  });
}

export const createOne = async (overrides: Partial<Invoice> = {}, unitdp?: number): Promise<Invoice> => {
  const result = await api.createInvoices(T, { invoices: [salesInvoice(contactId, overrides)] }, false, unitdp);
  const invoice = result.body.invoices?.[0];
  if (!invoice?.invoiceID || invoice.hasErrors) throw new Error(JSON.stringify(invoice?.validationErrors));
  return invoice;
};
export const read = async (invoiceID: string, unitdp?: number): Promise<Invoice> =>
  (await api.getInvoice(T, invoiceID, unitdp)).body.invoices?.[0] ?? {};
export const line = (description: string, quantity: number, unitAmount: number, taxType: string): LineItem => ({
  description,
  quantity,
  unitAmount,
  accountCode: "200",
  taxType,
});
