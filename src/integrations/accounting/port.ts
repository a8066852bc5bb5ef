/**
 * The accounting ledger port (SPEC §4.5). Domain code sees only these types; the Xero adapter implements them.
 * Money crosses the port as integer minor units beside a currency, never as vendor decimals.
 */

export type TokenSet = { accessToken: string; refreshToken: string; expiresAt: Date };

import type { SecretBox } from "../../lib/secret-box.ts";

/** An organisation a grant reaches; `authEventId` tells the organisations of the latest consent apart. */
export type Tenant = { connectionId: string; tenantId: string; tenantName: string; authEventId: string | null };

export type LedgerContact = { id: string; name: string; email: string | null };

export type LedgerAccount = {
  id: string;
  code: string;
  name: string;
  /** REVENUE, SALES, BANK, … (Xero's account type). */
  type: string;
  /** Bank accounts only: the account number, and whether payments may be recorded into it. */
  bankAccountNumber: string | null;
  enablePayments: boolean;
};

export type LedgerTaxRate = { type: string; name: string; ratePercent: string; canApplyToRevenue: boolean };

export type LedgerBrandingTheme = { id: string; name: string };

/** `timezone` is an IANA name (null when unknown: dates then follow UTC). */
export type LedgerOrganisation = { name: string; baseCurrency: string; timezone: string | null };

export type LedgerInvoiceStatus = "DRAFT" | "SUBMITTED" | "AUTHORISED" | "PAID" | "VOIDED" | "DELETED";

export type LedgerLineAmountTypes = "Exclusive" | "Inclusive";

export type NewLedgerInvoice = {
  contactId: string;
  currency: string;
  date: string;
  dueDate: string;
  reference: string | null;
  status: "DRAFT" | "AUTHORISED";
  lineAmountTypes: LedgerLineAmountTypes;
  brandingThemeId: string | null;
  lines: { description: string; quantity: string; unitAmount: number; accountCode: string; taxType: string | null }[];
};

export type LedgerInvoice = {
  id: string;
  number: string;
  reference: string | null;
  status: LedgerInvoiceStatus;
  dueDate: string | null;
  currency: string;
  subtotalAmount: number;
  taxAmount: number;
  totalAmount: number;
  amountPaidAmount: number;
  amountDueAmount: number;
  /** The day the last payment made it paid, in the organisation's calendar; null until PAID. */
  fullyPaidOn: string | null;
  /** Who it is billed to, the template that generated it, and when Xero last changed it (when Xero says). */
  contactId?: string | null;
  repeatingInvoiceId?: string | null;
  issueDate?: string | null;
  updatedAt?: Date | null;
  /** ACCREC (sales) or ACCPAY (bills); workspace sync keeps only sales invoices. */
  type?: string | null;
};

/** One page of a workspace read: Xero's invoices changed since a moment, oldest change first. */
export type LedgerInvoicePage = {
  invoices: LedgerInvoice[];
  page: number;
  pageCount: number | null;
  itemCount: number | null;
  /** The vendor's own clock when it answered (its Date header), to the second; null when it sent none. */
  servedAt: Date | null;
};

/**
 * Runs one call to the organisation (`run`), named by `action`: the limiter and the integration log wrap each
 * HTTP call here. It sees callXero's AppError on failure.
 */
export type LedgerCallGate = <T>(action: string, run: () => Promise<T>) => Promise<T>;

export type LedgerInvoiceChange = {
  status?: "AUTHORISED" | "VOIDED" | "DELETED";
  dueDate?: string;
  reference?: string | null;
};

/** A repeating (template) invoice: the vendor raises one invoice per period on its schedule. */
export type NewLedgerRepeatingInvoice = Omit<NewLedgerInvoice, "date" | "dueDate" | "status"> & {
  status: "DRAFT" | "AUTHORISED";
  /** Approved invoices are emailed by the vendor as they are raised. */
  approvedForSending: boolean;
  schedule: {
    unit: "WEEKLY" | "MONTHLY";
    period: number;
    startDate: string;
    endDate: string | null;
    dueDateType: "DAYSAFTERBILLDATE" | "OFFOLLOWINGMONTH";
    dueDay: number;
  };
};

export type LedgerRepeatingInvoice = { id: string; status: string; totalAmount: number; currency: string };

/** OAuth 2 with the vendor: consent URL, code exchange, refresh and the tenants a grant reaches. */
export type AccountingAuth = {
  /** The consent page to send the member's browser to; `state` and the PKCE challenge come back unchanged. */
  authorizeUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string;
  /** Trades a one-time authorization code (plus the PKCE verifier) for tokens. */
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenSet>;
  /** Rotates tokens: the returned refresh token replaces the old one, which must then be persisted at once. */
  refresh(refreshToken: string): Promise<TokenSet>;
  /** Revokes the grant (every connection it made) so the tokens stop working at once. */
  revoke(refreshToken: string): Promise<void>;
  /** The organisations the access token may act on. */
  tenants(accessToken: string): Promise<Tenant[]>;
  /** Removes the connection on the vendor's side (best effort when disconnecting). */
  disconnect(accessToken: string, connectionId: string): Promise<void>;
};

/** Accounting calls for one organisation with a valid access token. */
export type AccountingLedger = {
  /** Active contacts whose name, email or contact number contains `query`. */
  searchContacts(query: string): Promise<LedgerContact[]>;
  /** One contact by id, or null when the organisation has none with that id. */
  getContact(id: string): Promise<LedgerContact | null>;
  /** Creates a customer contact; a duplicate name is refused by the vendor with its own message. */
  createContact(
    input: { name: string; email: string | null; number?: string | undefined },
    idempotencyKey: string,
  ): Promise<LedgerContact>;
  /** The organisation's name, base currency and time zone. */
  getOrganisation(): Promise<LedgerOrganisation>;
  /** Active accounts: revenue ones an invoice line may post to, bank ones a payment may go into. */
  listAccounts(): Promise<LedgerAccount[]>;
  listBrandingThemes(): Promise<LedgerBrandingTheme[]>;
  /** The organisation's tax rates (their `type` is what an invoice line names). */
  listTaxRates(): Promise<LedgerTaxRate[]>;
  /** Creates one sales invoice; replaying the same key returns the same invoice instead of a second one. */
  createInvoice(input: NewLedgerInvoice, idempotencyKey: string): Promise<LedgerInvoice>;
  /** The current state of the given invoices (any number; batched under the vendor's URL limits). */
  getInvoices(ids: readonly string[]): Promise<LedgerInvoice[]>;
  /**
   * Invoices changed since `modifiedSince` (If-Modified-Since), ordered by their change, one page of
   * `pageSize` (Xero's maximum is 1000); `contactIds` (at most 50) narrows it to those contacts.
   */
  listInvoicesChangedSince(input: {
    modifiedSince: Date | null;
    page: number;
    pageSize: number;
    contactIds: readonly string[] | null;
  }): Promise<LedgerInvoicePage>;
  /** Sales invoices whose reference is exactly `reference` (how a retry finds the invoice it already made). */
  findInvoicesByReference(reference: string): Promise<LedgerInvoice[]>;
  /** Changes status, due date or reference; the vendor's refusal surfaces with its own message. */
  updateInvoice(id: string, change: LedgerInvoiceChange): Promise<LedgerInvoice>;
  /** Asks the vendor to email the invoice to its contact. */
  emailInvoice(id: string): Promise<void>;
  /** Creates a repeating invoice template; replaying the key returns the same template. */
  createRepeatingInvoice(input: NewLedgerRepeatingInvoice, idempotencyKey: string): Promise<LedgerRepeatingInvoice>;
  /** Deletes a template (the invoices it already raised stay). */
  deleteRepeatingInvoice(id: string): Promise<void>;
  /** Records a payment against an approved invoice into the given bank account (its id). */
  createPayment(
    input: { invoiceId: string; accountId: string; date: string; amount: number; currency: string },
    idempotencyKey: string,
  ): Promise<void>;
};

/**
 * What the composition root hands to verbs: auth, a ledger bound to one tenant's token, and the box that
 * seals the tokens before they are stored (the ability to connect and the key to its tokens go together).
 */
/**
 * How many calls the organisation's limiter lets through: in flight, a minute, a day, and of the day's how many
 * background work leaves for what members ask for. Unset fields keep Xero's own (xero-call-gate.ts).
 */
export type LedgerCallLimits = { concurrent: number; perMinute: number; perDay: number; userReserve: number };

export type AccountingProvider = {
  auth: AccountingAuth;
  /** The limits of the Xero this adapter talks to (a sandbox may allow more than Xero does); from config. */
  callLimits: Partial<LedgerCallLimits>;
  /** Whether a webhook body carries the vendor's signature (constant-time compare of the HMAC). */
  verifyWebhook(rawBody: string, signature: string | undefined): boolean;
  ledger(session: { accessToken: string; tenantId: string; gate?: LedgerCallGate | undefined }): AccountingLedger;
  tokenBox: SecretBox;
};
