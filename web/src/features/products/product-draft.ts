import { parseMoney, toMajorText } from "../../lib/money.ts";
import type { Product, ProductBody } from "../../lib/types.ts";

/** The form's text, kept as typed so a half-typed price is never rounded under the cursor. */
export type ProductDraft = {
  name: string;
  sku: string;
  unitPrice: string;
  currency: string;
  unit: string;
  billing: Product["billing"];
  deposit: string;
  taxRate: string;
  description: string;
  interval: NonNullable<Product["recurring_interval"]>;
  xeroAccount: string;
};

export function draftOf(product: Product | null): ProductDraft {
  if (!product) {
    return {
      name: "",
      sku: "",
      unitPrice: "",
      currency: "USD",
      unit: "each",
      billing: "one_off",
      deposit: "",
      taxRate: "0",
      description: "",
      interval: "month",
      xeroAccount: "",
    };
  }
  return {
    name: product.name,
    sku: product.sku ?? "",
    unitPrice: toMajorText(product.unit_amount, product.currency),
    currency: product.currency,
    unit: product.unit,
    billing: product.billing,
    deposit: product.deposit_percent === null ? "" : String(product.deposit_percent),
    taxRate: String(product.tax_rate),
    description: product.description ?? "",
    interval: product.recurring_interval ?? "month",
    xeroAccount: product.xero_account_code ?? "",
  };
}

/** The request body, or the name of the field whose text is not a number. */
export function bodyOf(draft: ProductDraft): { body: ProductBody } | { invalid: "unit_amount" } {
  const unitAmount = parseMoney(draft.unitPrice, draft.currency);
  if (unitAmount === null) return { invalid: "unit_amount" };
  return {
    body: {
      name: draft.name.trim(),
      sku: draft.sku.trim() || null,
      unit_amount: unitAmount,
      currency: draft.currency,
      unit: draft.unit.trim() || "each",
      billing: draft.billing,
      // Percentages go as the typed decimal text: the server stores them exactly.
      deposit_percent: draft.deposit.trim() === "" ? null : draft.deposit.trim(),
      tax_rate: draft.taxRate.trim() === "" ? "0" : draft.taxRate.trim(),
      description: draft.description.trim() || null,
      // Only a recurring product bills on an interval.
      recurring_interval: draft.billing === "recurring" ? draft.interval : null,
      xero_account_code: draft.xeroAccount.trim() || null,
    },
  };
}
