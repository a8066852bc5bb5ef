import { Button } from "../../components/ui/button.tsx";
import { blankFreeLine, type FreeLineDraft } from "./use-invoice-form.ts";

type Props = { drafts: FreeLineDraft[]; currency: string; onChange: (next: FreeLineDraft[]) => void };

/** Free-form lines (name, quantity, unit price, tax %) that map to no product line. */
export function FreeLinesEditor({ drafts, currency, onChange }: Props) {
  const update = (key: number, patch: Partial<FreeLineDraft>) =>
    onChange(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  return (
    <div className="free-lines" data-testid="free-lines">
      {drafts.length > 0 ? (
        <div className="free-line free-line-head" aria-hidden="true">
          <span>Name</span>
          <span>Qty</span>
          <span>Unit price ({currency})</span>
          <span>Tax %</span>
          <span />
        </div>
      ) : null}
      {drafts.map((d, index) => (
        <div key={d.key} className="free-line" data-testid="free-line">
          <input
            aria-label={`Free line ${index + 1} name`}
            placeholder="e.g. Travel"
            value={d.description}
            maxLength={500}
            onChange={(e) => update(d.key, { description: e.target.value })}
            data-testid="free-line-name"
          />
          <input
            aria-label={`Free line ${index + 1} quantity`}
            type="number"
            min="0"
            step="any"
            value={d.quantity}
            onChange={(e) => update(d.key, { quantity: e.target.value })}
            data-testid="free-line-quantity"
          />
          <input
            aria-label={`Free line ${index + 1} unit price`}
            inputMode="decimal"
            placeholder="0.00"
            value={d.unitPrice}
            onChange={(e) => update(d.key, { unitPrice: e.target.value })}
            data-testid="free-line-price"
          />
          <input
            aria-label={`Free line ${index + 1} tax rate`}
            type="number"
            min="0"
            max="100"
            step="any"
            value={d.taxRate}
            onChange={(e) => update(d.key, { taxRate: e.target.value })}
          />
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove free line ${index + 1}`}
            onClick={() => onChange(drafts.filter((x) => x.key !== d.key))}
            data-testid="remove-free-line"
          >
            ×
          </Button>
        </div>
      ))}
      <button
        type="button"
        className="link-btn"
        onClick={() => onChange([...drafts, blankFreeLine()])}
        data-testid="add-free-line"
      >
        + Add a free-form line
      </button>
    </div>
  );
}
