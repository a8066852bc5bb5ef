import { formatMoney } from "../../lib/money.ts";
import type { InvoicePreview } from "../../lib/types.ts";

/** Subtotal, tax and total of the invoice being composed, updated as lines are ticked. */
export function PreviewTotals({ preview, busy }: { preview: InvoicePreview | undefined; busy: boolean }) {
  const money = (amount: number | undefined) =>
    preview && amount !== undefined ? formatMoney(amount, preview.currency) : "—";
  return (
    <dl className={busy ? "preview-totals updating" : "preview-totals"} data-testid="preview-totals" aria-busy={busy}>
      <div>
        <dt>Subtotal</dt>
        <dd data-testid="preview-subtotal">{money(preview?.subtotal_amount)}</dd>
      </div>
      <div>
        <dt>Tax{preview?.tax_mode === "inclusive" ? " (included)" : ""}</dt>
        <dd data-testid="preview-tax">{money(preview?.tax_amount)}</dd>
      </div>
      <div className="grand">
        <dt>Total</dt>
        <dd data-testid="preview-total" data-amount={preview?.total_amount ?? ""}>
          {money(preview?.total_amount)}
        </dd>
      </div>
    </dl>
  );
}
