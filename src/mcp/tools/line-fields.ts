import { AddLineInput, UpdateLineInput } from "../../modules/opportunities/index.ts";

// Percent fields are plain percentages: an agent once sent 0.1 meaning 10% and billed 0.1%.
const percent = (what: string) => `${what}, in percent: 10 = 10%, 12.5 = 12.5% (not 0.1 for 10%); 0–100`;

const described = {
  quantity: "Quantity; decimals allowed (e.g. 1.5 hours)",
  unit_amount: "Unit price in minor units (cents for USD: 250000 = $2,500.00); defaults to the product's",
  discount_percent: percent("Discount"),
  deposit_percent: `${percent("Deposit override")}; null uses the product's default`,
  tax_rate: `${percent("Tax rate")}; defaults to the product's`,
  sort_order: "Position on the opportunity, 0 first",
} as const;

function withDescriptions<S extends typeof AddLineInput | typeof UpdateLineInput>(schema: S) {
  const shape = { ...schema.shape } as Record<string, (typeof schema.shape)[keyof typeof schema.shape]>;
  for (const [field, text] of Object.entries(described)) {
    const fieldSchema = shape[field];
    if (fieldSchema) shape[field] = fieldSchema.describe(text);
  }
  return shape as S["shape"];
}

/** The line inputs of the REST routes, with every unit spelled out for agents. */
export const AddLineFields = withDescriptions(AddLineInput);
export const UpdateLineFields = withDescriptions(UpdateLineInput);
