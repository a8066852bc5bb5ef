import { newId } from "../../core/ids.ts";
import { round2, roundTo, sum } from "../../core/money.ts";
import { num, str, type WireObject } from "../../core/wire-input.ts";
import type { LineAmountTypes, LineItemRecord, OrganisationRecord } from "../../state/types.ts";

export interface LineBuild {
  lines: LineItemRecord[];
  errors: string[];
}

export interface Totals {
  subTotal: number;
  totalTax: number;
  total: number;
  totalDiscount: number;
}

/**
 * Xero's line arithmetic: LineAmount = Quantity × UnitAmount less discount, rounded to 2 dp;
 * tax is computed and rounded per line, then summed.
 */
export function buildLines(
  org: OrganisationRecord,
  inputs: WireObject[],
  amountTypes: LineAmountTypes,
  unitdp: number,
  previous: LineItemRecord[] = [],
): LineBuild {
  const errors = new Set<string>();
  const lines = inputs.map((input) => buildLine(org, input, amountTypes, unitdp, previous, errors));
  return { lines, errors: [...errors] };
}

function buildLine(
  org: OrganisationRecord,
  input: WireObject,
  amountTypes: LineAmountTypes,
  unitdp: number,
  previous: LineItemRecord[],
  errors: Set<string>,
): LineItemRecord {
  const description = str(input, "Description")?.trim() ?? "";
  if (!description) errors.add("The description field is mandatory for each line item.");
  if (description.length > 4000) errors.add("The description must be 4000 characters or less.");
  const givenLineAmount = num(input, "LineAmount");
  const givenUnit = num(input, "UnitAmount");
  const givenQuantity = num(input, "Quantity");
  const quantity = roundTo(givenQuantity ?? 1, 4);
  const unitAmount = roundTo(givenUnit ?? (givenQuantity === undefined ? (givenLineAmount ?? 0) : 0), unitdp);
  const gross = round2(quantity * unitAmount);
  const discountRate = num(input, "DiscountRate");
  const discountAmount = num(input, "DiscountAmount");
  let lineAmount = gross;
  if (discountRate !== undefined) {
    if (discountRate > 100 || discountRate < 0) errors.add("Discount must not be greater than the line total.");
    lineAmount = round2(quantity * unitAmount * (1 - discountRate / 100));
  } else if (discountAmount !== undefined) {
    if (Math.abs(discountAmount) > Math.abs(gross)) errors.add("Discount must not be greater than the line total.");
    lineAmount = round2(quantity * unitAmount - discountAmount);
  }
  if (
    givenLineAmount !== undefined &&
    givenUnit !== undefined &&
    Math.abs(round2(givenLineAmount) - lineAmount) >= 0.005
  ) {
    errors.add(
      `The line total ${round2(givenLineAmount).toFixed(2)} does not match the expected line total ${lineAmount.toFixed(2)}`,
    );
  }
  const account = resolveAccount(org, input, errors);
  const taxType = resolveTaxType(org, input, amountTypes, account?.taxType, errors);
  const rate = org.taxRates.find((t) => t.taxType === taxType)?.rate ?? 0;
  const givenTax = num(input, "TaxAmount");
  const taxAmount =
    amountTypes === "NoTax" ? 0 : givenTax !== undefined ? round2(givenTax) : computeTax(lineAmount, rate, amountTypes);
  const lineItemId = str(input, "LineItemID")?.toLowerCase();
  return {
    lineItemId: lineItemId && previous.some((l) => l.lineItemId === lineItemId) ? lineItemId : newId(),
    description,
    quantity,
    unitAmount,
    accountCode: account?.code,
    taxType,
    taxAmount,
    lineAmount,
    discountRate,
    discountAmount: discountRate === undefined ? discountAmount : undefined,
    itemCode: str(input, "ItemCode"),
  };
}

export function computeTax(lineAmount: number, rate: number, amountTypes: LineAmountTypes): number {
  if (amountTypes === "NoTax" || rate === 0) return 0;
  if (amountTypes === "Inclusive") return round2((lineAmount * rate) / (100 + rate));
  return round2((lineAmount * rate) / 100);
}

export function totalsOf(lines: LineItemRecord[], amountTypes: LineAmountTypes): Totals {
  const lineSum = sum(lines.map((l) => l.lineAmount));
  const totalTax = sum(lines.map((l) => l.taxAmount));
  const totalDiscount = sum(lines.map((l) => round2(l.quantity * l.unitAmount) - l.lineAmount));
  if (amountTypes === "Inclusive")
    return { subTotal: round2(lineSum - totalTax), totalTax, total: lineSum, totalDiscount };
  return { subTotal: lineSum, totalTax, total: round2(lineSum + totalTax), totalDiscount };
}

function resolveAccount(org: OrganisationRecord, input: WireObject, errors: Set<string>) {
  const code = str(input, "AccountCode");
  const id = str(input, "AccountID")?.toLowerCase();
  if (code === undefined && id === undefined) return undefined;
  const account = org.accounts.find((a) => (code !== undefined ? a.code === code : a.accountId === id));
  if (!account || account.type === "BANK" || account.status !== "ACTIVE") {
    errors.add("Account must be valid.");
    return undefined;
  }
  return account;
}

function resolveTaxType(
  org: OrganisationRecord,
  input: WireObject,
  amountTypes: LineAmountTypes,
  accountTaxType: string | undefined,
  errors: Set<string>,
): string {
  const given = str(input, "TaxType");
  if (given !== undefined) {
    if (!org.taxRates.some((t) => t.taxType === given)) errors.add("Tax rate must be valid.");
    return given;
  }
  if (amountTypes === "NoTax") return "NONE";
  return accountTaxType ?? org.taxRates.find((t) => t.reportTaxType === "OUTPUT")?.taxType ?? "NONE";
}
