import { randomUUID } from "node:crypto";
import type { AccountRecord, ContactRecord, OrganisationRecord, TaxRateRecord } from "./types.ts";

export interface OrganisationSeed {
  organisationId?: string;
  name: string;
  countryCode?: "NZ" | "AU" | "GB";
}

const TAX_RATES: Record<string, TaxRateRecord[]> = {
  NZ: [
    { name: "15% GST on Income", taxType: "OUTPUT2", rate: 15, reportTaxType: "OUTPUT" },
    { name: "15% GST on Expenses", taxType: "INPUT2", rate: 15, reportTaxType: "INPUT" },
    { name: "No GST", taxType: "NONE", rate: 0, reportTaxType: "NONE" },
    { name: "Zero Rated", taxType: "ZERORATED", rate: 0, reportTaxType: "OUTPUT" },
  ],
  AU: [
    { name: "GST on Income", taxType: "OUTPUT", rate: 10, reportTaxType: "OUTPUT" },
    { name: "GST on Expenses", taxType: "INPUT", rate: 10, reportTaxType: "INPUT" },
    { name: "BAS Excluded", taxType: "BASEXCLUDED", rate: 0, reportTaxType: "BASEXCLUDED" },
    { name: "GST Free Income", taxType: "EXEMPTOUTPUT", rate: 0, reportTaxType: "EXEMPTOUTPUT" },
    { name: "GST Free Expenses", taxType: "EXEMPTEXPENSES", rate: 0, reportTaxType: "EXEMPTEXPENSES" },
    { name: "Input Taxed", taxType: "INPUTTAXED", rate: 0, reportTaxType: "INPUTTAXED" },
  ],
  GB: [
    { name: "20% (VAT on Income)", taxType: "OUTPUT2", rate: 20, reportTaxType: "OUTPUT" },
    { name: "20% (VAT on Expenses)", taxType: "INPUT2", rate: 20, reportTaxType: "INPUT" },
    { name: "No VAT", taxType: "NONE", rate: 0, reportTaxType: "NONE" },
    { name: "5% (VAT on Income)", taxType: "RROUTPUT", rate: 5, reportTaxType: "OUTPUT" },
    { name: "Zero Rated Income", taxType: "ZERORATEDOUTPUT", rate: 0, reportTaxType: "OUTPUT" },
    { name: "Exempt Income", taxType: "EXEMPTOUTPUT", rate: 0, reportTaxType: "EXEMPTOUTPUT" },
  ],
};

const COUNTRY = {
  NZ: { currency: "NZD", timezone: "NEWZEALANDSTANDARDTIME", version: "NZ", salesTax: "OUTPUT2" },
  AU: { currency: "AUD", timezone: "AUSEASTERNSTANDARDTIME", version: "AU", salesTax: "OUTPUT" },
  GB: { currency: "GBP", timezone: "GMTSTANDARDTIME", version: "UK", salesTax: "OUTPUT2" },
} as const;

function accountsFor(salesTax: string): AccountRecord[] {
  const account = (code: string, name: string, rest: Partial<AccountRecord>): AccountRecord => ({
    accountId: randomUUID(),
    code,
    name,
    type: "REVENUE",
    accountClass: "REVENUE",
    taxType: salesTax,
    enablePaymentsToAccount: false,
    status: "ACTIVE",
    ...rest,
  });
  return [
    account("090", "Business Bank Account", {
      type: "BANK",
      accountClass: "ASSET",
      taxType: "NONE",
      bankAccountNumber: "0102030405060708",
    }),
    account("091", "Business Savings Account", {
      type: "BANK",
      accountClass: "ASSET",
      taxType: "NONE",
      bankAccountNumber: "0102030405060709",
    }),
    account("200", "Sales", { type: "SALES" }),
    account("260", "Other Revenue", {}),
    account("270", "Interest Income", { taxType: "NONE" }),
    account("400", "Advertising", { type: "EXPENSE", accountClass: "EXPENSE", taxType: "INPUT2" }),
    account("610", "Accounts Receivable", { type: "CURRENT", accountClass: "ASSET", taxType: "NONE" }),
    account("820", "GST", { type: "CURRLIAB", accountClass: "LIABILITY", taxType: "NONE" }),
    account("877", "Tracking Transfers", {
      type: "CURRENT",
      accountClass: "ASSET",
      taxType: "NONE",
      enablePaymentsToAccount: true,
    }),
  ];
}

function demoContacts(nowMs: number): Record<string, ContactRecord> {
  const people: Array<Omit<ContactRecord, "contactId" | "status" | "updatedMs">> = [
    { name: "Ridgeway University", emailAddress: "accounts@ridgeway.example", contactNumber: "CUST-001" },
    { name: "Bayside Club", firstName: "Bob", lastName: "Partridge", emailAddress: "bob@bayside.example" },
    { name: "City Agency", emailAddress: "finance@cityagency.example", contactNumber: "CUST-003" },
    { name: "Marine Systems", firstName: "Mia", lastName: "Lee" },
  ];
  const contacts: Record<string, ContactRecord> = {};
  for (const person of people) {
    const contactId = randomUUID();
    contacts[contactId] = { contactId, status: "ACTIVE", updatedMs: nowMs, ...person };
  }
  return contacts;
}

export function seedOrganisation(seed: OrganisationSeed, nowMs: number): OrganisationRecord {
  const countryCode = seed.countryCode ?? "NZ";
  const country = COUNTRY[countryCode];
  const organisationId = seed.organisationId ?? randomUUID();
  return {
    organisationId,
    name: seed.name,
    shortCode: `!${organisationId.slice(0, 5)}`,
    countryCode,
    baseCurrency: country.currency,
    timezone: country.timezone,
    version: country.version,
    invoicePrefix: "INV-",
    nextInvoiceNumber: 1,
    createdMs: nowMs,
    accounts: accountsFor(country.salesTax),
    taxRates: TAX_RATES[countryCode] ?? [],
    brandingThemes: [
      { brandingThemeId: randomUUID(), name: "Standard", sortOrder: 0, createdMs: nowMs },
      { brandingThemeId: randomUUID(), name: "Special Projects", sortOrder: 1, createdMs: nowMs },
    ],
    contacts: demoContacts(nowMs),
    invoices: {},
    payments: {},
    repeatingInvoices: {},
    emails: [],
  };
}

export const DEMO_ORGANISATIONS: OrganisationSeed[] = [
  { organisationId: "a3f1c0de-0001-4e1a-9c55-5e771e000001", name: "Demo Company (NZ)", countryCode: "NZ" },
  { organisationId: "a3f1c0de-0002-4e1a-9c55-5e771e000002", name: "Demo Company (AU)", countryCode: "AU" },
  { organisationId: "a3f1c0de-0003-4e1a-9c55-5e771e000003", name: "Demo Company (UK)", countryCode: "GB" },
];
