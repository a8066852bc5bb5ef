/** The vendor-side state of the sandbox. Plain data so it can be snapshotted as JSON. */

export type InvoiceStatus = "DRAFT" | "SUBMITTED" | "AUTHORISED" | "PAID" | "VOIDED" | "DELETED";
export type LineAmountTypes = "Exclusive" | "Inclusive" | "NoTax";

export interface AccountRecord {
  accountId: string;
  code: string;
  name: string;
  type: "BANK" | "REVENUE" | "SALES" | "CURRLIAB" | "CURRENT" | "EXPENSE" | "EQUITY";
  accountClass: "ASSET" | "EQUITY" | "EXPENSE" | "LIABILITY" | "REVENUE";
  taxType: string;
  enablePaymentsToAccount: boolean;
  bankAccountNumber?: string;
  status: "ACTIVE" | "ARCHIVED";
}

export interface TaxRateRecord {
  name: string;
  taxType: string;
  rate: number;
  reportTaxType: string;
}

export interface BrandingThemeRecord {
  brandingThemeId: string;
  name: string;
  sortOrder: number;
  createdMs: number;
}

export interface ContactRecord {
  contactId: string;
  name: string;
  firstName?: string;
  lastName?: string;
  emailAddress?: string;
  contactNumber?: string;
  accountNumber?: string;
  taxNumber?: string;
  status: "ACTIVE" | "ARCHIVED";
  updatedMs: number;
}

export interface LineItemRecord {
  lineItemId: string;
  description: string;
  quantity: number;
  unitAmount: number;
  accountCode?: string;
  taxType: string;
  taxAmount: number;
  lineAmount: number;
  discountRate?: number;
  discountAmount?: number;
  itemCode?: string;
}

export interface InvoiceRecord {
  invoiceId: string;
  type: "ACCREC" | "ACCPAY";
  contactId: string;
  date: string;
  dueDate?: string;
  lineAmountTypes: LineAmountTypes;
  invoiceNumber: string;
  reference?: string;
  brandingThemeId?: string;
  url?: string;
  currencyCode: string;
  status: InvoiceStatus;
  sentToContact: boolean;
  expectedPaymentDate?: string;
  lineItems: LineItemRecord[];
  subTotal: number;
  totalTax: number;
  total: number;
  totalDiscount: number;
  amountPaid: number;
  amountDue: number;
  fullyPaidOnDate?: string;
  repeatingInvoiceId?: string;
  createdByClientId?: string;
  updatedMs: number;
  /** History & Notes (GET /Invoices/{id}/History); absent in snapshots written before it was kept. */
  history?: InvoiceHistoryRecord[];
}

export interface InvoiceHistoryRecord {
  atMs: number;
  changes: string;
  details: string;
  /** What the invoice was after this change, so the next one can say what moved. */
  status: InvoiceStatus;
  amountPaid: number;
}

export interface PaymentRecord {
  paymentId: string;
  invoiceId: string;
  accountId: string;
  date: string;
  amount: number;
  reference?: string;
  status: "AUTHORISED" | "DELETED";
  isReconciled: boolean;
  updatedMs: number;
}

export interface ScheduleRecord {
  period: number;
  unit: "WEEKLY" | "MONTHLY";
  dueDate: number;
  dueDateType: string;
  startDate: string;
  nextScheduledDate?: string;
  endDate?: string;
  occurrences: number;
}

export interface RepeatingInvoiceRecord {
  repeatingInvoiceId: string;
  type: "ACCREC" | "ACCPAY";
  contactId: string;
  schedule: ScheduleRecord;
  lineItems: LineItemRecord[];
  lineAmountTypes: LineAmountTypes;
  reference?: string;
  brandingThemeId?: string;
  currencyCode: string;
  status: "DRAFT" | "AUTHORISED" | "DELETED";
  subTotal: number;
  totalTax: number;
  total: number;
  approvedForSending: boolean;
  sendCopy: boolean;
  markAsSent: boolean;
  includePdf: boolean;
}

/** An email Xero would have sent: by the Email endpoint or by a repeating schedule. */
export interface EmailRecord {
  invoiceId: string;
  to: string;
  sentMs: number;
  trigger: "api" | "repeating";
  sendCopy: boolean;
  includePdf: boolean;
}

export interface OrganisationRecord {
  organisationId: string;
  name: string;
  shortCode: string;
  countryCode: string;
  baseCurrency: string;
  timezone: string;
  version: string;
  invoicePrefix: string;
  nextInvoiceNumber: number;
  createdMs: number;
  accounts: AccountRecord[];
  taxRates: TaxRateRecord[];
  brandingThemes: BrandingThemeRecord[];
  contacts: Record<string, ContactRecord>;
  invoices: Record<string, InvoiceRecord>;
  payments: Record<string, PaymentRecord>;
  repeatingInvoices: Record<string, RepeatingInvoiceRecord>;
  emails: EmailRecord[];
}

export interface AuthCodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  tenantIds: string[];
  codeChallenge?: string;
  codeChallengeMethod?: string;
  authEventId: string;
  userId: string;
  expiresMs: number;
  used: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  grantId: string;
  clientId: string;
  userId: string;
  scope: string;
  authEventId: string;
  issuedMs: number;
  /** Set when the token was exchanged; it stays usable until rotatedMs + grace. */
  rotatedMs?: number;
}

export interface ConnectionRecord {
  id: string;
  clientId: string;
  userId: string;
  tenantId: string;
  authEventId: string;
  createdMs: number;
  updatedMs: number;
  /**
   * Set when the connection was removed (DELETE /connections, revocation, the console). The record is kept so a
   * later consent to the same organisation revives it: Xero keeps `createdDateUtc` and moves `updatedDateUtc`.
   */
  removedMs?: number;
}

/** The console's "expire access tokens now": tokens issued before the latest generation answer TokenExpired. */
export interface AccessTokenCutoff {
  generation: number;
  atMs: number;
}

export interface SandboxState {
  version: 1;
  clockOffsetMs: number;
  signingKey: string;
  organisations: Record<string, OrganisationRecord>;
  authCodes: Record<string, AuthCodeRecord>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  revokedGrants: string[];
  connections: Record<string, ConnectionRecord>;
  /** Per client id; absent in snapshots written before the console could expire tokens. */
  accessTokenCutoffs?: Record<string, AccessTokenCutoff>;
}
