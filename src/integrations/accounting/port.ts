/**
 * The accounting ledger port (SPEC §4.5). Domain code sees only these types; the Xero adapter implements them.
 * Money crosses the port as integer minor units beside a currency, never as vendor decimals.
 */

export type TokenSet = { accessToken: string; refreshToken: string; expiresAt: Date };

export type Tenant = { connectionId: string; tenantId: string; tenantName: string };

export type LedgerContact = { id: string; name: string; email: string | null };

export type LedgerAccount = { code: string; name: string; type: string };

export type LedgerTaxRate = { type: string; name: string; ratePercent: string };

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
  lines: { description: string; quantity: string; unitAmount: number; accountCode: string; taxType: string | null }[];
};

export type LedgerInvoice = {
  id: string;
  number: string;
  status: LedgerInvoiceStatus;
  currency: string;
  subtotalAmount: number;
  taxAmount: number;
  totalAmount: number;
  amountPaidAmount: number;
  amountDueAmount: number;
};

/** OAuth 2 with the vendor: consent URL, code exchange, refresh and the tenants a grant reaches. */
export type AccountingAuth = {
  /** The consent page to send the member's browser to; `state` and the PKCE challenge come back unchanged. */
  authorizeUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string;
  /** Trades a one-time authorization code (plus the PKCE verifier) for tokens. */
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenSet>;
  /** Rotates tokens: the returned refresh token replaces the old one, which must then be persisted at once. */
  refresh(refreshToken: string): Promise<TokenSet>;
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
  createContact(input: { name: string; email: string | null }, idempotencyKey: string): Promise<LedgerContact>;
  /** Revenue accounts an invoice line may post to. */
  listAccounts(): Promise<LedgerAccount[]>;
  /** The organisation's tax rates (their `type` is what an invoice line names). */
  listTaxRates(): Promise<LedgerTaxRate[]>;
  /** Creates one sales invoice; replaying the same key returns the same invoice instead of a second one. */
  createInvoice(input: NewLedgerInvoice, idempotencyKey: string): Promise<LedgerInvoice>;
  /** The current state of the given invoices (any number; batched under the vendor's URL limits). */
  getInvoices(ids: readonly string[]): Promise<LedgerInvoice[]>;
  /** Records a payment against an approved invoice into the given bank account. */
  createPayment(
    input: { invoiceId: string; accountCode: string; date: string; amount: number; currency: string },
    idempotencyKey: string,
  ): Promise<void>;
};

/** What the composition root hands to verbs: auth, plus a ledger bound to one tenant's token. */
export type AccountingProvider = {
  auth: AccountingAuth;
  ledger(session: { accessToken: string; tenantId: string }): AccountingLedger;
};
