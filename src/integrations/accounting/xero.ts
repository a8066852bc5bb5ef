import type { AccountingApi, Contact, Payment } from "xero-node";
import { AppError } from "../../lib/errors.ts";
import { countProviderCall } from "../../lib/metrics.ts";
import { toDecimalString as toDecimal } from "../../lib/money.ts";
import type { AccountingLedger, AccountingProvider } from "./port.ts";
import { createXeroAuth, type XeroConfig } from "./xero-auth.ts";
import {
  fromXeroContact,
  fromXeroInvoice,
  parseXeroFailure,
  toXeroInvoice,
  xeroValidationMessages,
} from "./xero-mapping.ts";

// IDs= caps at ~52 GUIDs because of URL length (Xero-OpenAPI #534).
const IDS_PER_REQUEST = 50;
// A minute-limit 429 is worth waiting out inside a request; a day-limit one (hours) is not.
const MAX_RETRY_AFTER_SECONDS = 10;
const MAX_ATTEMPTS = 3;

/**
 * Every SDK call goes through here: 429s wait out Retry-After (only for reads and keyed writes, which replay
 * safely), and failures become AppError with Xero's own validation message.
 */
async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await countProviderCall("xero", fn);
    } catch (error) {
      const failure = parseXeroFailure(error);
      const wait = failure.retryAfterSeconds ?? 1;
      if (failure.status === 429 && attempt < MAX_ATTEMPTS && wait <= MAX_RETRY_AFTER_SECONDS) {
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        continue;
      }
      if (failure.status === 429) {
        throw new AppError("rate_limited", `Xero is rate limiting this organisation; retry in ${wait} s.`, {
          details: { retry_after_seconds: wait },
        });
      }
      const messages = xeroValidationMessages(failure.body);
      const reason = messages.length > 0 ? messages.join(" ") : `Xero answered ${failure.status || "nothing"}.`;
      throw new AppError("upstream_failed", `${what} failed: ${reason}`, {
        details: { xero_status: failure.status, xero_messages: messages },
        cause: error,
      });
    }
  }
}

// xero-node takes about half a second to load, so it is loaded on the first Xero call rather than at start.
let sdk: Promise<typeof import("xero-node")> | undefined;
const loadSdk = () => {
  sdk ??= import("xero-node");
  return sdk;
};

function createLedger(config: XeroConfig, accessToken: string, tenantId: string): AccountingLedger {
  let client: Promise<AccountingApi> | undefined;
  const accounting = () => {
    client ??= loadSdk().then(({ AccountingApi }) => {
      const created = new AccountingApi(`${config.apiUrl}/api.xro/2.0`);
      created.accessToken = accessToken;
      return created;
    });
    return client;
  };
  return {
    searchContacts: async (query) => {
      const { body } = await call("Searching Xero contacts", async () =>
        (await accounting()).getContacts(
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
        const { body } = await call("Reading the Xero contact", async () =>
          (await accounting()).getContact(tenantId, id),
        );
        const [found] = body.contacts ?? [];
        return found ? fromXeroContact(found) : null;
      } catch (error) {
        // A missing contact is an answer, not a failure: the caller turns it into its own 404.
        if (error instanceof AppError && error.details?.xero_status === 404) {
          return null;
        }
        throw error;
      }
    },
    createContact: async (input, key) => {
      const contact: Contact = { name: input.name };
      if (input.email) {
        contact.emailAddress = input.email;
      }
      const { body } = await call("Creating the Xero contact", async () =>
        (await accounting()).createContacts(tenantId, { contacts: [contact] }, true, key),
      );
      const [created] = body.contacts ?? [];
      if (!created) {
        throw new AppError("upstream_failed", "Xero returned no contact.");
      }
      return fromXeroContact(created);
    },
    listAccounts: async () => {
      const { body } = await call("Reading Xero accounts", async () => (await accounting()).getAccounts(tenantId));
      return (body.accounts ?? [])
        .filter((a) => String(a._class) === "REVENUE" && String(a.status) === "ACTIVE")
        .map((a) => ({ code: a.code ?? "", name: a.name ?? "", type: String(a.type) }));
    },
    listTaxRates: async () => {
      const { body } = await call("Reading Xero tax rates", async () => (await accounting()).getTaxRates(tenantId));
      return (body.taxRates ?? []).map((t) => ({
        type: t.taxType ?? "",
        name: t.name ?? "",
        ratePercent: String(t.effectiveRate ?? 0),
      }));
    },
    createInvoice: async (input, key) => {
      const { body } = await call("Creating the Xero invoice", async () =>
        (await accounting()).createInvoices(tenantId, { invoices: [toXeroInvoice(input)] }, true, undefined, key),
      );
      const [created] = body.invoices ?? [];
      if (!created?.invoiceID) {
        throw new AppError("upstream_failed", "Xero returned no invoice.");
      }
      return fromXeroInvoice(created);
    },
    getInvoices: async (ids) => {
      const found = [];
      for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
        const chunk = ids.slice(i, i + IDS_PER_REQUEST);
        const { body } = await call("Reading Xero invoices", async () =>
          (await accounting()).getInvoices(
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
        found.push(...(body.invoices ?? []).map(fromXeroInvoice));
      }
      return found;
    },
    createPayment: async (input, key) => {
      const payment: Payment = {
        invoice: { invoiceID: input.invoiceId },
        account: { code: input.accountCode },
        date: input.date,
        amount: Number(toDecimal(input.amount, input.currency)),
      };
      await call("Recording the Xero payment", async () => (await accounting()).createPayment(tenantId, payment, key));
    },
  };
}

/** The Xero adapter: OAuth with fetch, accounting with the official AccountingApi pointed at `apiUrl`. */
export function createXeroAccounting(config: XeroConfig): AccountingProvider {
  return {
    auth: createXeroAuth(config),
    ledger: ({ accessToken, tenantId }) => createLedger(config, accessToken, tenantId),
  };
}
