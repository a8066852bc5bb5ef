import { z } from "zod";
import { IsoDate } from "../../lib/dates.ts";

/** `as_of` fixes "today" for the ageing (default: the current UTC date). */
export const ReceivablesQuery = z.object({ as_of: IsoDate.optional() });
export type ReceivablesQuery = z.input<typeof ReceivablesQuery>;

export type Ageing = {
  current: number;
  days1To30: number;
  days31To60: number;
  days61To90: number;
  days90Plus: number;
};

export type Receivable = { currency: string; outstandingAmount: number; overdueAmount: number; ageing: Ageing };
export type CompanyReceivable = Receivable & { companyId: string; companyName: string };
export type PipelineByStatus = {
  currency: string;
  unpaidAmount: number;
  depositInvoicedAmount: number;
  invoicedAmount: number;
  paidAmount: number;
};
export type PaidInMonth = { month: string; currency: string; paidAmount: number };
