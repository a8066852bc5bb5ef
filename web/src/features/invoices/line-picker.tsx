import { formatMoney } from "../../lib/money.ts";
import type { InvoicePreviewLine, Line, PreviewWarning } from "../../lib/types.ts";
import { StatusPill } from "../opportunities/status-pill.tsx";

const WARNING_TEXT: Record<PreviewWarning, string> = {
  double_billing: "Already billed: ticking it bills it again.",
  deposits_exceed_total: "Deposits already exceed this line's total.",
  nothing_left_to_bill: "Nothing left to bill for this portion.",
};

type Props = {
  lines: Line[];
  selected: string[] | null;
  previewLines: InvoicePreviewLine[];
  onToggle: (lineId: string, on: boolean) => void;
};

/** The opportunity's product lines with a tick each; ticked lines show the amount this portion bills. */
export function LinePicker({ lines, selected, previewLines, onToggle }: Props) {
  if (lines.length === 0) {
    return <p className="muted small">This opportunity has no product lines; add free-form lines below.</p>;
  }
  return (
    <ul className="pick-list" data-testid="invoice-line-picker">
      {lines.map((line) => {
        const checked = selected?.includes(line.id) ?? false;
        const billed = checked ? previewLines.find((p) => p.product_line_id === line.id) : undefined;
        return (
          <li
            key={line.id}
            className={checked ? "pick-row picked" : "pick-row"}
            data-testid="invoice-line-option"
            data-line-id={line.id}
            data-product={line.product_name}
          >
            <label className="check">
              <input
                type="checkbox"
                checked={checked}
                disabled={selected === null}
                onChange={(e) => onToggle(line.id, e.target.checked)}
                data-testid="invoice-line-check"
              />
              <span className="strong">{line.product_name}</span>
              <StatusPill status={line.payment_status} />
            </label>
            <span className={billed ? "num strong" : "num muted"} data-testid="invoice-line-amount">
              {formatMoney(billed ? billed.amount : line.line_total_amount, line.currency)}
            </span>
            {billed?.warning ? (
              <p
                className={billed.warning === "double_billing" ? "pick-warning" : "pick-note"}
                data-testid="invoice-line-warning"
                data-warning={billed.warning}
              >
                {billed.description} · {WARNING_TEXT[billed.warning]}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
