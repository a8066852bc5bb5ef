import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { canonicalDecimal } from "../../lib/decimal.ts";
import type { InvoiceSettings, InvoiceSettingsPatch } from "../../lib/types.ts";
import { INVOICE_SETTINGS_KEY } from "./queries.ts";

const FIELDS = ["number_prefix", "tax_mode", "default_deposit_percent"];

/** Number prefix (the counter itself is gap-free and not editable), tax mode and the default deposit %. */
export function InvoicingForm({ settings }: { settings: InvoiceSettings }) {
  const client = useQueryClient();
  const toast = useToast();
  const [prefix, setPrefix] = useState(settings.number_prefix);
  const [taxMode, setTaxMode] = useState(settings.tax_mode);
  const [deposit, setDeposit] = useState(String(settings.default_deposit_percent));
  const save = useMutation<InvoiceSettings, ApiError>({
    mutationFn: () => {
      // The percentage goes as the decimal text typed; the server reads it exactly and names a bad value.
      const depositText = deposit.trim() || "0";
      const body: InvoiceSettingsPatch = {
        number_prefix: prefix,
        tax_mode: taxMode,
        default_deposit_percent: canonicalDecimal(depositText) ?? depositText,
      };
      return api("/settings/invoicing", { method: "PATCH", body });
    },
    onSuccess: (saved) => {
      client.setQueryData(INVOICE_SETTINGS_KEY, saved);
      toast("Invoicing settings saved");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const nextNumber = `${prefix}${String(settings.next_number).padStart(4, "0")}`;
  return (
    <form className="form settings-form" onSubmit={submit}>
      <ErrorBanner error={save.error} shownFields={FIELDS} />
      <Field
        label="Number prefix"
        error={save.error?.issueFor("number_prefix")}
        hint={`Letters, digits, - _ /. The next invoice will be ${nextNumber}.`}
      >
        {(id, describedBy) => (
          <input
            id={id}
            maxLength={20}
            value={prefix}
            aria-describedby={describedBy}
            onChange={(e) => setPrefix(e.target.value)}
            data-testid="number-prefix"
          />
        )}
      </Field>
      <fieldset className="radio-group">
        <legend>Tax mode</legend>
        <label className="check">
          <input
            type="radio"
            name="tax_mode"
            checked={taxMode === "exclusive"}
            onChange={() => setTaxMode("exclusive")}
          />
          Tax exclusive <span className="muted small">prices exclude tax; tax is added per line</span>
        </label>
        <label className="check">
          <input
            type="radio"
            name="tax_mode"
            checked={taxMode === "inclusive"}
            onChange={() => setTaxMode("inclusive")}
          />
          Tax inclusive <span className="muted small">prices already include tax</span>
        </label>
      </fieldset>
      <Field
        label="Default deposit %"
        error={save.error?.issueFor("default_deposit_percent")}
        hint="Used when neither the line nor its product sets a deposit %."
      >
        {(id, describedBy) => (
          <input
            id={id}
            type="number"
            min="0"
            max="100"
            step="any"
            value={deposit}
            aria-describedby={describedBy}
            onChange={(e) => setDeposit(e.target.value)}
            data-testid="default-deposit"
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={save.isPending} data-testid="save-invoicing">
          Save
        </Button>
      </div>
    </form>
  );
}
