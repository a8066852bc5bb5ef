import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import type { ApiError } from "../../lib/api.ts";
import { formatPercent } from "../../lib/format.ts";
import type { InvoicePreviewLine } from "../../lib/types.ts";
import type { XeroCoding } from "./use-xero-coding.ts";

export const CODING_FIELDS = ["account_code", "branding_theme_id", "tax_type"];

type Props = { coding: XeroCoding; lines: InvoicePreviewLine[]; error: ApiError | null };

/** Revenue account, branding theme and a Xero tax rate per product line, from the organisation's own lists. */
export function XeroCodingFields({ coding, lines, error }: Props) {
  const productLines = lines.filter((l) => l.product_line_id !== null);
  const taxIssue = error?.issueFor("tax_type");
  return (
    <section className="form-section" data-testid="xero-coding">
      <h3>In Xero</h3>
      <ErrorBanner error={coding.error} />
      <div className="grid-2">
        <Field
          label="Revenue account"
          error={error?.issueFor("account_code")}
          hint={coding.account ? undefined : "No default is set under Settings → Integrations."}
        >
          {(id, describedBy) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={coding.account}
              onChange={(e) => coding.setAccount(e.target.value)}
              data-testid="xero-account-select"
            >
              <option value="">{coding.loading ? "Loading…" : "Choose an account"}</option>
              {coding.accounts.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.code} · {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Branding theme" error={error?.issueFor("branding_theme_id")}>
          {(id) => (
            <select id={id} value={coding.theme} onChange={(e) => coding.setTheme(e.target.value)}>
              <option value="">Xero's default</option>
              {coding.themes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {productLines.length > 0 ? (
        <ul className="pick-list" data-testid="xero-line-tax">
          {productLines.map((line) => {
            const lineId = line.product_line_id ?? "";
            const value = coding.taxTypeFor(line);
            return (
              <li key={lineId} className="pick-row" data-testid="xero-line-tax-row" data-line-id={lineId}>
                <span>
                  {line.description} <span className="muted small">Settle tax {formatPercent(line.tax_rate)}</span>
                </span>
                <select
                  aria-label={`Xero tax rate for ${line.description}`}
                  value={value}
                  onChange={(e) => coding.setTaxType(lineId, e.target.value)}
                  data-testid="xero-line-tax-select"
                >
                  <option value="">Choose a tax rate</option>
                  {coding.taxRates.map((t) => (
                    <option key={t.code} value={t.code}>
                      {t.name} ({t.detail ?? "?"}%)
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      ) : null}
      {taxIssue ? (
        <p className="field-error" role="alert" data-testid="field-error">
          {taxIssue}
        </p>
      ) : null}
    </section>
  );
}
