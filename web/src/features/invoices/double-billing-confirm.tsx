import type { InvoicePreviewLine } from "../../lib/types.ts";

type Props = { lines: InvoicePreviewLine[]; confirmed: boolean; onChange: (confirmed: boolean) => void };

/** Lines already invoiced or paid that the member ticked: billing them again needs an explicit yes. */
export function DoubleBillingConfirm({ lines, confirmed, onChange }: Props) {
  if (lines.length === 0) return null;
  return (
    <div className="warning" data-testid="double-billing-warning">
      <p>
        <strong>{lines.map((l) => l.description).join(", ")}</strong> {lines.length === 1 ? "was" : "were"} already
        billed.
      </p>
      <label className="check">
        <input
          type="checkbox"
          required
          checked={confirmed}
          onChange={(e) => onChange(e.target.checked)}
          data-testid="confirm-double-billing"
        />
        I understand this bills it again
      </label>
    </div>
  );
}
