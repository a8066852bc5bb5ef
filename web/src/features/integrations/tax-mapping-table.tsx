import { Button } from "../../components/ui/button.tsx";
import type { ApiError } from "../../lib/api.ts";
import type { XeroOption } from "../../lib/types.ts";

export type MappingDraft = { key: number; rate: string; taxType: string };

let nextKey = 0;
export function mappingDraft(rate = "", taxType = ""): MappingDraft {
  nextKey += 1;
  return { key: nextKey, rate, taxType };
}

type Props = {
  rows: MappingDraft[];
  taxRates: XeroOption[];
  disabled: boolean;
  error: ApiError | null;
  onChange: (next: MappingDraft[]) => void;
};

/** The server's issue for one row's field (`tax_mappings.2.tax_rate`), or for the mapping as a whole. */
function rowIssue(error: ApiError | null, index: number, field: string): string | undefined {
  return error?.issues.find((i) => i.field === `tax_mappings.${index}.${field}`)?.message;
}

/** Settle tax rate (percent) → Xero tax type; lines are sent with the type their rate maps to. */
export function TaxMappingTable({ rows, taxRates, disabled, error, onChange }: Props) {
  const update = (key: number, patch: Partial<MappingDraft>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const general = error?.issues.find((i) => i.field === "tax_mappings" || i.field === "tax_mappings.tax_type");
  return (
    <fieldset className="radio-group" data-testid="tax-mapping-table">
      <legend>Tax rates</legend>
      <p className="muted small">
        Which Xero tax rate a line with each Settle tax rate is sent with. Unmapped rates use the organisation's only
        revenue tax rate of that percentage (No GST/VAT for 0%).
      </p>
      {rows.length > 0 ? (
        <div className="mapping-row mapping-head" aria-hidden="true">
          <span>Settle rate %</span>
          <span>Xero tax rate</span>
          <span />
        </div>
      ) : null}
      {rows.map((row, index) => {
        const rateIssue = rowIssue(error, index, "tax_rate");
        const typeIssue = rowIssue(error, index, "tax_type");
        const known = taxRates.some((t) => t.code === row.taxType);
        return (
          <div key={row.key} className="mapping-row" data-testid="tax-mapping-row">
            <input
              aria-label={`Settle tax rate ${index + 1}`}
              aria-invalid={rateIssue ? true : undefined}
              inputMode="decimal"
              placeholder="15"
              value={row.rate}
              disabled={disabled}
              onChange={(e) => update(row.key, { rate: e.target.value })}
              data-testid="tax-mapping-rate"
            />
            <select
              aria-label={`Xero tax rate ${index + 1}`}
              aria-invalid={typeIssue ? true : undefined}
              value={row.taxType}
              disabled={disabled}
              onChange={(e) => update(row.key, { taxType: e.target.value })}
              data-testid="tax-mapping-type"
            >
              <option value="">Choose…</option>
              {known || !row.taxType ? null : <option value={row.taxType}>{row.taxType} (not in Xero)</option>}
              {taxRates.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.name} ({t.detail ?? "?"}%)
                </option>
              ))}
            </select>
            {disabled ? (
              <span />
            ) : (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove tax rate ${index + 1}`}
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                ×
              </Button>
            )}
            {rateIssue || typeIssue ? (
              <p className="field-error mapping-error" role="alert" data-testid="field-error">
                {[rateIssue, typeIssue].filter(Boolean).join("; ")}
              </p>
            ) : null}
          </div>
        );
      })}
      {general ? (
        <p className="field-error" role="alert" data-testid="field-error">
          {general.message}
        </p>
      ) : null}
      {disabled ? null : (
        <button
          type="button"
          className="link-btn"
          onClick={() => onChange([...rows, mappingDraft()])}
          data-testid="add-tax-mapping"
        >
          + Map a tax rate
        </button>
      )}
    </fieldset>
  );
}
