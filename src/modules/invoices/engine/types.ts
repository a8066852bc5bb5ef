import type { PaymentStatus, Portion, TaxMode } from "../../billing/index.ts";

export {
  PAYMENT_STATUSES,
  type PaymentStatus,
  PORTIONS,
  type Portion,
  TAX_MODES,
  type TaxMode,
} from "../../billing/index.ts";

/**
 * Warnings on a preview line, most important first (a line carries only the most important one):
 * - double_billing: the line's status (or a deposit already invoiced on it) says this was billed; confirm first.
 * - deposits_exceed_total: the line was edited below the deposits already invoiced; the balance is clamped to 0.
 * - nothing_left_to_bill: the amount for this portion is 0 (nothing remains, 0% deposit, or a zero line).
 */
export const PREVIEW_WARNINGS = ["double_billing", "deposits_exceed_total", "nothing_left_to_bill"] as const;
export type PreviewWarning = (typeof PREVIEW_WARNINGS)[number];

/** Decimal fields are strings with at most 4 places; amounts are integer minor units of the invoice currency. */
export type EngineLine = {
  id: string;
  description: string;
  status: PaymentStatus;
  quantity: string;
  unitAmount: number;
  discountPercent: string;
  taxRate: string;
  /** Effective deposit %, already resolved with effectiveDepositPercent. */
  depositPercent: string;
  billing: "one_off" | "recurring";
  /**
   * Sum of deposit amounts on non-voided invoices for this line, in the same tax mode as the line total:
   * the invoice lines' `amount` when tax-exclusive, `amount + taxAmount` when tax-inclusive.
   */
  depositsInvoicedAmount: number;
};

export type FreeLine = { description: string; quantity: string; unitAmount: number; taxRate: string };

export type PreviewInput = {
  portion: Portion;
  currency: string;
  taxMode: TaxMode;
  lines: EngineLine[];
  /** undefined → the portion's pre-selection. */
  selectedLineIds?: string[];
  freeLines?: FreeLine[];
};

/**
 * One invoice line. `quantity × unitAmount` is the billed amount in the invoice's tax mode (gross when
 * tax-inclusive, as Xero's UnitAmount); `amount` is always net of tax and `amount + taxAmount` is the gross.
 */
export type PreviewLine = {
  productLineId: string | null;
  description: string;
  quantity: string;
  unitAmount: number;
  taxRate: string;
  amount: number;
  taxAmount: number;
  warning?: PreviewWarning;
};

export type Preview = {
  portion: Portion;
  currency: string;
  taxMode: TaxMode;
  lines: PreviewLine[];
  subtotalAmount: number;
  taxAmount: number;
  totalAmount: number;
};
