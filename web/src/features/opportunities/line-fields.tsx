import { Field } from "../../components/ui/field.tsx";
import type { ApiError } from "../../lib/api.ts";

export type LineDraft = { quantity: string; unitPrice: string; discount: string; deposit: string };
export const LINE_FIELDS = ["quantity", "unit_amount", "discount_percent", "deposit_percent"];

type Props = {
  draft: LineDraft;
  onChange: (next: LineDraft) => void;
  currency: string;
  error: ApiError | null;
  disabled?: boolean;
};

/** Quantity, unit price (in major units of the currency), discount % and deposit %. */
export function LineFields({ draft, onChange, currency, error, disabled }: Props) {
  const set = (key: keyof LineDraft) => (e: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...draft, [key]: e.target.value });
  return (
    <div className="grid-2">
      <Field label="Quantity" error={error?.issueFor("quantity")}>
        {(id) => (
          <input
            id={id}
            type="number"
            min="0"
            step="any"
            required
            disabled={disabled}
            value={draft.quantity}
            onChange={set("quantity")}
            data-testid="line-quantity"
          />
        )}
      </Field>
      <Field label={`Unit price (${currency})`} error={error?.issueFor("unit_amount")}>
        {(id) => (
          <input
            id={id}
            inputMode="decimal"
            required
            disabled={disabled}
            value={draft.unitPrice}
            onChange={set("unitPrice")}
            data-testid="line-unit-price"
          />
        )}
      </Field>
      <Field label="Discount %" error={error?.issueFor("discount_percent")}>
        {(id) => (
          <input
            id={id}
            type="number"
            min="0"
            max="100"
            step="any"
            disabled={disabled}
            value={draft.discount}
            onChange={set("discount")}
          />
        )}
      </Field>
      <Field label="Deposit %" error={error?.issueFor("deposit_percent")} hint="Empty: the product's default">
        {(id) => (
          <input
            id={id}
            type="number"
            min="0"
            max="100"
            step="any"
            disabled={disabled}
            value={draft.deposit}
            onChange={set("deposit")}
          />
        )}
      </Field>
    </div>
  );
}
