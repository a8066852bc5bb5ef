import { ApiError, type FieldIssue } from "../../lib/api.ts";
import { canonicalDecimal } from "../../lib/decimal.ts";
import { parseMoney, toMajorText } from "../../lib/money.ts";
import type { Line, LinePatch } from "../../lib/types.ts";
import type { LineDraft } from "./line-fields.tsx";

export function draftOf(
  line: Pick<Line, "quantity" | "unit_amount" | "discount_percent" | "deposit_percent">,
  currency: string,
): LineDraft {
  return {
    quantity: String(line.quantity),
    unitPrice: toMajorText(line.unit_amount, currency),
    discount: String(line.discount_percent),
    deposit: line.deposit_percent === null ? "" : String(line.deposit_percent),
  };
}

/**
 * Quantities and percentages go to the API as decimal strings, which it reads exactly. Text that is not a
 * number is passed through for the server to name (draftProblem stops it first).
 */
const decimal = (text: string) => canonicalDecimal(text) ?? text.trim();

/** Only the fields that differ from `base`, so the server sees the smallest change. */
export function diffDraft(draft: LineDraft, base: LineDraft, currency: string): LinePatch {
  const patch: LinePatch = {};
  if (draft.quantity !== base.quantity) patch.quantity = decimal(draft.quantity);
  if (draft.unitPrice !== base.unitPrice) {
    const unit = parseMoney(draft.unitPrice, currency);
    if (unit !== null) patch.unit_amount = unit;
  }
  if (draft.discount !== base.discount) patch.discount_percent = decimal(draft.discount || "0");
  if (draft.deposit !== base.deposit)
    patch.deposit_percent = draft.deposit.trim() === "" ? null : decimal(draft.deposit);
  return patch;
}

/** What has to be fixed before the draft can be sent, named by the API's field names; null when it reads. */
export function draftProblem(draft: LineDraft, currency: string): ApiError | null {
  const issues: FieldIssue[] = [];
  if (canonicalDecimal(draft.quantity) === null) {
    issues.push({ field: "quantity", message: "Enter a quantity such as 1 or 2.5." });
  }
  if (parseMoney(draft.unitPrice, currency) === null) {
    issues.push({ field: "unit_amount", message: `Enter a price such as ${toMajorText(1250, currency)}.` });
  }
  for (const [field, text] of [
    ["discount_percent", draft.discount],
    ["deposit_percent", draft.deposit],
  ] as const) {
    if (text.trim() !== "" && canonicalDecimal(text) === null) {
      issues.push({ field, message: "Enter a percentage such as 10 or 12.5." });
    }
  }
  return issues.length === 0
    ? null
    : new ApiError(400, { code: "invalid_input", message: "Some values are not numbers.", issues });
}
