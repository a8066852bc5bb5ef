import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { canonicalDecimal } from "../../lib/decimal.ts";
import type { XeroOption, XeroSettingsPatch, XeroStatus } from "../../lib/types.ts";
import { useSaveXeroSettings, useXeroOptions } from "./queries.ts";
import { type MappingDraft, mappingDraft, TaxMappingTable } from "./tax-mapping-table.tsx";

const FIELDS = ["default_account_code", "branding_theme_id", "tax_mappings", "tax_rate", "tax_type"];

function toPatch(account: string, theme: string, rows: MappingDraft[]): XeroSettingsPatch {
  return {
    default_account_code: account || null,
    branding_theme_id: theme || null,
    // Half-filled rows go as typed, so the server names what is missing on that row.
    tax_mappings: rows
      .filter((r) => r.rate.trim() || r.taxType)
      .map((r) => ({ tax_rate: canonicalDecimal(r.rate) ?? r.rate.trim(), tax_type: r.taxType })),
  };
}

/** A saved value Xero no longer lists stays selectable, marked, rather than silently changing. */
function withCurrent(options: XeroOption[], current: string, key: "code" | "id"): XeroOption[] {
  if (!current || options.some((o) => o[key] === current)) return options;
  return [...options, { id: current, code: current, name: "(not in Xero any more)", detail: null }];
}

/** The revenue account, branding theme and tax rate mapping new Xero invoices start from. */
export function XeroDefaultsForm({ status, canWrite }: { status: XeroStatus; canWrite: boolean }) {
  const toast = useToast();
  const accounts = useXeroOptions("accounts", true);
  const themes = useXeroOptions("branding-themes", true);
  const taxRates = useXeroOptions("tax-rates", true);
  const [account, setAccount] = useState(status.default_account_code ?? "");
  const [theme, setTheme] = useState(status.branding_theme_id ?? "");
  const [rows, setRows] = useState(() => status.tax_mappings.map((m) => mappingDraft(m.tax_rate, m.tax_type)));
  const save = useSaveXeroSettings();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(toPatch(account, theme, rows), {
      onSuccess: (saved) => {
        setRows(saved.tax_mappings.map((m) => mappingDraft(m.tax_rate, m.tax_type)));
        toast("Xero defaults saved");
      },
    });
  };
  const disabled = !canWrite;
  return (
    <form className="form settings-form xero-defaults" onSubmit={submit} data-testid="xero-defaults-form">
      <h3>Defaults for new invoices</h3>
      <ErrorBanner
        error={accounts.error ?? themes.error ?? taxRates.error}
        onRetry={() => void Promise.all([accounts.refetch(), themes.refetch(), taxRates.refetch()])}
      />
      <ErrorBanner error={save.error} shownFields={FIELDS} />
      <Field
        label="Revenue account"
        error={save.error?.issueFor("default_account_code")}
        hint="Each invoice may choose another."
      >
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={account}
            disabled={disabled || accounts.isPending}
            onChange={(e) => setAccount(e.target.value)}
            data-testid="xero-default-account"
          >
            <option value="">{accounts.isPending ? "Loading accounts…" : "None: choose on each invoice"}</option>
            {withCurrent(accounts.data ?? [], account, "code").map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} · {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Branding theme" error={save.error?.issueFor("branding_theme_id")}>
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={theme}
            disabled={disabled || themes.isPending}
            onChange={(e) => setTheme(e.target.value)}
            data-testid="xero-default-theme"
          >
            <option value="">Xero's default</option>
            {withCurrent(themes.data ?? [], theme, "id").map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TaxMappingTable
        rows={rows}
        taxRates={taxRates.data ?? []}
        disabled={disabled}
        error={save.error}
        onChange={setRows}
      />
      {canWrite ? (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.isPending} data-testid="save-xero-defaults">
            Save defaults
          </Button>
        </div>
      ) : null}
    </form>
  );
}
