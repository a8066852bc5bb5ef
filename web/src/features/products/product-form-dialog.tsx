import { useState } from "react";
import { Field } from "../../components/ui/field.tsx";
import { FormDialog } from "../../components/ui/form-dialog.tsx";
import type { Product } from "../../lib/types.ts";
import { bodyOf, draftOf, type ProductDraft } from "./product-draft.ts";
import { useSaveProduct } from "./queries.ts";

const CURRENCIES = ["USD", "EUR", "GBP", "AUD", "NZD", "CAD", "JPY", "KWD"];
const FIELDS = [
  "name",
  "sku",
  "unit_amount",
  "currency",
  "unit",
  "billing",
  "recurring_interval",
  "deposit_percent",
  "tax_rate",
  "description",
  "xero_account_code",
];
const INTERVALS = [
  { value: "week", label: "Weekly" },
  { value: "month", label: "Monthly" },
  { value: "quarter", label: "Quarterly" },
  { value: "year", label: "Yearly" },
] as const;

type Props = { open: boolean; product: Product | null; onClose: () => void };

export function ProductFormDialog({ open, product, onClose }: Props) {
  const save = useSaveProduct(product);
  const [draft, setDraft] = useState<ProductDraft>(() => draftOf(product));
  const [priceError, setPriceError] = useState<string | undefined>();
  const set =
    (key: keyof ProductDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setDraft({ ...draft, [key]: e.target.value });
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = () => {
    const result = bodyOf(draft);
    if ("invalid" in result) {
      setPriceError(`Type the price as a number in ${draft.currency}, for example 1250.00.`);
      return;
    }
    setPriceError(undefined);
    save.mutate(result.body, { onSuccess: close });
  };
  return (
    <FormDialog
      open={open}
      title={product ? "Edit product" : "New product"}
      testId="product-dialog"
      error={save.error}
      shownFields={FIELDS}
      busy={save.isPending}
      submitLabel={product ? "Save" : "Create"}
      submitTestId="save-product"
      onClose={close}
      onSubmit={submit}
    >
      <div className="grid-2">
        <Field label="Name" error={save.error?.issueFor("name")}>
          {(id) => <input id={id} required maxLength={200} value={draft.name} onChange={set("name")} />}
        </Field>
        <Field label="SKU" error={save.error?.issueFor("sku")}>
          {(id) => <input id={id} value={draft.sku} onChange={set("sku")} />}
        </Field>
        <Field label="Unit price" error={priceError ?? save.error?.issueFor("unit_amount")}>
          {(id) => <input id={id} inputMode="decimal" required value={draft.unitPrice} onChange={set("unitPrice")} />}
        </Field>
        <Field label="Currency" error={save.error?.issueFor("currency")}>
          {(id) => (
            <select id={id} value={draft.currency} onChange={set("currency")}>
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Unit" error={save.error?.issueFor("unit")}>
          {(id) => <input id={id} value={draft.unit} onChange={set("unit")} />}
        </Field>
        <Field label="Billing" error={save.error?.issueFor("billing")}>
          {(id) => (
            <select id={id} value={draft.billing} onChange={set("billing")}>
              <option value="one_off">One-off</option>
              <option value="recurring">Recurring</option>
            </select>
          )}
        </Field>
        {draft.billing === "recurring" ? (
          <Field label="Bills every" error={save.error?.issueFor("recurring_interval")}>
            {(id) => (
              <select id={id} value={draft.interval} onChange={set("interval")}>
                {INTERVALS.map((i) => (
                  <option key={i.value} value={i.value}>
                    {i.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field
          label="Default deposit %"
          error={save.error?.issueFor("deposit_percent")}
          hint="Empty: workspace default"
        >
          {(id) => <input id={id} inputMode="decimal" value={draft.deposit} onChange={set("deposit")} />}
        </Field>
        <Field label="Tax rate %" error={save.error?.issueFor("tax_rate")}>
          {(id) => <input id={id} inputMode="decimal" value={draft.taxRate} onChange={set("taxRate")} />}
        </Field>
        <Field
          label="Xero revenue account"
          error={save.error?.issueFor("xero_account_code")}
          hint="Account code; empty: the organisation's default"
        >
          {(id) => <input id={id} maxLength={50} value={draft.xeroAccount} onChange={set("xeroAccount")} />}
        </Field>
      </div>
      <Field label="Description" error={save.error?.issueFor("description")}>
        {(id) => <textarea id={id} rows={3} maxLength={2000} value={draft.description} onChange={set("description")} />}
      </Field>
    </FormDialog>
  );
}
