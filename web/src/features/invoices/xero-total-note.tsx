import { formatMoney } from "../../lib/money.ts";
import type { Invoice } from "../../lib/types.ts";

/**
 * Xero totals an invoice itself; the card shows Xero's figure. When it differs from what Settle previewed
 * (Xero rounding tax per invoice, a line edited in Xero…) the member is told, with both figures.
 */
export function XeroTotalNote({ invoice }: { invoice: Invoice }) {
  const previewed = invoice.preview_total_amount;
  const total = invoice.total_amount;
  if (invoice.provider !== "xero" || invoice.xero_invoice_id === null) return null;
  if (previewed === null || previewed === undefined || total === undefined || previewed === total) return null;
  return (
    <p className="invoice-hint small" data-testid="xero-total-differs">
      Xero totalled this invoice {formatMoney(total, invoice.currency)}; Settle previewed{" "}
      {formatMoney(previewed, invoice.currency)}. Xero's figure is the one billed.
    </p>
  );
}
