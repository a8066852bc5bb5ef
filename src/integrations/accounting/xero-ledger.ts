import type { AccountingApi, Contact, Invoice, Payment, RepeatingInvoice } from "xero-node";
import { AppError } from "../../lib/errors.ts";
import { toDecimalString } from "../../lib/money.ts";
import type { AccountingLedger, LedgerCallGate, LedgerInvoice } from "./port.ts";
import { accountingApi, callXero as callXeroOnce } from "./xero-call.ts";
import {
  fromXeroContact,
  fromXeroInvoice,
  toXeroInvoice,
  toXeroRepeatingInvoice,
  unitDecimalPlaces,
  xeroAmountToMinor,
} from "./xero-mapping.ts";
import { ianaTimeZone } from "./xero-timezones.ts";

// IDs= caps at ~52 GUIDs because of URL length (Xero-OpenAPI #534).
const IDS_PER_REQUEST = 50;

function httpDate(value: unknown): Date | null {
  const at = typeof value === "string" ? new Date(value) : null;
  return at && Number.isFinite(at.getTime()) ? at : null;
}

/** The organisation's accounting calls with one access token (src/integrations/accounting/port.ts). */
export function createXeroLedger(
  apiUrl: string,
  accessToken: string,
  tenantId: string,
  gate?: LedgerCallGate,
): AccountingLedger {
  // Gated, each HTTP call passes the organisation's limiter and is logged; a 429 then pauses the organisation.
  const call = <T>(what: string, fn: () => Promise<T>, replaySafe: boolean): Promise<T> =>
    gate
      ? gate(what, () => callXeroOnce(what, fn, { retry429: false, replaySafe }))
      : callXeroOnce(what, fn, { replaySafe });
  const callXero = <T>(what: string, fn: () => Promise<T>) => call(what, fn, false);
  // GETs change nothing, so one sent on a socket the server had already closed is simply sent again.
  const readXero = <T>(what: string, fn: () => Promise<T>) => call(what, fn, true);
  let client: Promise<AccountingApi> | undefined;
  const api = () => {
    client ??= accountingApi(apiUrl, accessToken);
    return client;
  };
  const one = (invoices: Invoice[] | undefined, currency: string, what: string): LedgerInvoice => {
    const [found] = invoices ?? [];
    if (!found?.invoiceID) {
      throw new AppError("upstream_failed", `Xero returned no invoice (${what}).`);
    }
    return fromXeroInvoice(found, currency);
  };
  return {
    searchContacts: async (query) => {
      const { body } = await readXero("Searching Xero contacts", async () =>
        (await api()).getContacts(
          tenantId,
          undefined,
          undefined,
          "Name ASC",
          undefined,
          1,
          false,
          true,
          query || undefined,
          50,
        ),
      );
      return (body.contacts ?? []).map(fromXeroContact);
    },
    getContact: async (id) => {
      try {
        const { body } = await readXero("Reading the Xero contact", async () => (await api()).getContact(tenantId, id));
        const [found] = body.contacts ?? [];
        return found ? fromXeroContact(found) : null;
      } catch (error) {
        // A missing contact is an answer, not a failure: the caller turns it into its own 404.
        if (error instanceof AppError && error.details?.xero_status === 404) return null;
        throw error;
      }
    },
    createContact: async (input, key) => {
      const contact: Contact = { name: input.name };
      if (input.email) contact.emailAddress = input.email;
      if (input.number) contact.contactNumber = input.number;
      const { body } = await callXero("Creating the Xero contact", async () =>
        (await api()).createContacts(tenantId, { contacts: [contact] }, true, key),
      );
      const [created] = body.contacts ?? [];
      if (!created) throw new AppError("upstream_failed", "Xero returned no contact.");
      return fromXeroContact(created);
    },
    getOrganisation: async () => {
      const { body } = await readXero("Reading the Xero organisation", async () =>
        (await api()).getOrganisations(tenantId),
      );
      const [org] = body.organisations ?? [];
      return {
        name: org?.name ?? "",
        baseCurrency: org?.baseCurrency ? String(org.baseCurrency) : "",
        timezone: ianaTimeZone(org?.timezone ? String(org.timezone) : null),
      };
    },
    listAccounts: async () => {
      const { body } = await readXero("Reading Xero accounts", async () => (await api()).getAccounts(tenantId));
      return (body.accounts ?? [])
        .filter((a) => String(a.status) === "ACTIVE")
        .map((a) => ({
          id: a.accountID ?? "",
          code: a.code ?? "",
          name: a.name ?? "",
          type: String(a.type),
          bankAccountNumber: a.bankAccountNumber || null,
          enablePayments: String(a.type) === "BANK" || a.enablePaymentsToAccount === true,
        }));
    },
    listTaxRates: async () => {
      const { body } = await readXero("Reading Xero tax rates", async () => (await api()).getTaxRates(tenantId));
      return (body.taxRates ?? [])
        .filter((t) => String(t.status ?? "ACTIVE") === "ACTIVE")
        .map((t) => ({
          type: t.taxType ?? "",
          name: t.name ?? "",
          ratePercent: String(t.effectiveRate ?? t.displayTaxRate ?? 0),
          canApplyToRevenue: t.canApplyToRevenue !== false,
        }));
    },
    listBrandingThemes: async () => {
      const { body } = await readXero("Reading Xero branding themes", async () =>
        (await api()).getBrandingThemes(tenantId),
      );
      return (body.brandingThemes ?? []).map((b) => ({ id: b.brandingThemeID ?? "", name: b.name ?? "" }));
    },
    createInvoice: async (input, key) => {
      const { body } = await callXero("Creating the Xero invoice", async () =>
        (await api()).createInvoices(
          tenantId,
          { invoices: [toXeroInvoice(input)] },
          true,
          unitDecimalPlaces(input.currency),
          key,
        ),
      );
      return one(body.invoices, input.currency, "create");
    },
    getInvoices: async (ids) => {
      const found: LedgerInvoice[] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
        const chunk = ids.slice(i, i + IDS_PER_REQUEST);
        const { body } = await readXero("Reading Xero invoices", async () =>
          (await api()).getInvoices(
            tenantId,
            undefined,
            undefined,
            undefined,
            chunk,
            undefined,
            undefined,
            undefined,
            1,
          ),
        );
        found.push(...(body.invoices ?? []).map((invoice) => fromXeroInvoice(invoice, "")));
      }
      return found;
    },
    listInvoicesChangedSince: async ({ modifiedSince, page, pageSize, contactIds }) => {
      const { body, response } = await readXero("Reading changed Xero invoices", async () =>
        (await api()).getInvoices(
          tenantId,
          modifiedSince ?? undefined,
          'Type=="ACCREC"',
          "UpdatedDateUTC ASC",
          undefined,
          undefined,
          contactIds && contactIds.length > 0 ? [...contactIds] : undefined,
          undefined,
          page,
          undefined,
          undefined,
          undefined,
          undefined,
          pageSize,
        ),
      );
      const pagination = (body as { pagination?: { pageCount?: number; itemCount?: number } }).pagination;
      return {
        invoices: (body.invoices ?? []).map((invoice) => fromXeroInvoice(invoice, "")),
        page,
        pageCount: pagination?.pageCount ?? null,
        itemCount: pagination?.itemCount ?? null,
        servedAt: httpDate(response?.headers?.date),
      };
    },
    findInvoicesByReference: async (reference) => {
      // searchTerm matches number or reference by substring; only an exact reference is the one asked for.
      const { body } = await readXero("Searching Xero invoices", async () =>
        (await api()).getInvoices(
          tenantId,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          1,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          reference,
        ),
      );
      return (body.invoices ?? [])
        .filter((invoice) => invoice.reference === reference && String(invoice.type) === "ACCREC")
        .map((invoice) => fromXeroInvoice(invoice, ""));
    },
    updateInvoice: async (id, change) => {
      const invoice: Invoice = { invoiceID: id };
      if (change.status) invoice.status = change.status as unknown as Invoice.StatusEnum;
      if (change.dueDate) invoice.dueDate = change.dueDate;
      if (change.reference !== undefined) invoice.reference = change.reference ?? "";
      const { body } = await callXero("Updating the Xero invoice", async () =>
        (await api()).updateInvoice(tenantId, id, { invoices: [invoice] }),
      );
      return one(body.invoices, "", "update");
    },
    emailInvoice: async (id) => {
      await callXero("Emailing the Xero invoice", async () => (await api()).emailInvoice(tenantId, id, {}));
    },
    createRepeatingInvoice: async (input, key) => {
      const { body } = await callXero("Creating the Xero repeating invoice", async () =>
        (await api()).createRepeatingInvoices(
          tenantId,
          { repeatingInvoices: [toXeroRepeatingInvoice(input)] },
          true,
          key,
        ),
      );
      const [made] = body.repeatingInvoices ?? [];
      if (!made?.repeatingInvoiceID) throw new AppError("upstream_failed", "Xero returned no repeating invoice.");
      const currency = made.currencyCode ? String(made.currencyCode) : input.currency;
      return {
        id: made.repeatingInvoiceID,
        status: String(made.status ?? input.status),
        currency,
        totalAmount: xeroAmountToMinor(made.total, currency),
      };
    },
    deleteRepeatingInvoice: async (id) => {
      await callXero("Deleting the Xero repeating invoice", async () =>
        (await api()).updateRepeatingInvoice(tenantId, id, {
          repeatingInvoices: [{ repeatingInvoiceID: id, status: "DELETED" as unknown as RepeatingInvoice.StatusEnum }],
        }),
      );
    },
    createPayment: async (input, key) => {
      const payment: Payment = {
        invoice: { invoiceID: input.invoiceId },
        account: { accountID: input.accountId },
        date: input.date,
        amount: Number(toDecimalString(input.amount, input.currency)),
      };
      await callXero("Recording the Xero payment", async () => (await api()).createPayment(tenantId, payment, key));
    },
  };
}
