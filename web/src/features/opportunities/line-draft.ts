import { parseMoney, toMajorText } from "../../lib/money.ts";
import type { Line } from "../../lib/types.ts";
import type { LineDraft } from "./line-fields.tsx";
import type { LinePatch } from "./use-line-mutations.ts";

export function draftOf(
  line: Pick<Line, "quantity" | "unit_amount" | "discount_percent" | "deposit_percent">,
  currency: string,
): LineDraft {
  return {
    quantity: String(line.quantity),
    unitPrice: toMajorText(line.unit_amount, currency),
    discount: String(Number(line.discount_percent)),
    deposit: line.deposit_percent === null ? "" : String(Number(line.deposit_percent)),
  };
}

/** Only the fields that differ from `base`, so the server sees the smallest change. */
export function diffDraft(draft: LineDraft, base: LineDraft, currency: string): LinePatch {
  const patch: LinePatch = {};
  if (draft.quantity !== base.quantity) patch.quantity = Number(draft.quantity);
  if (draft.unitPrice !== base.unitPrice) patch.unit_amount = parseMoney(draft.unitPrice, currency) ?? Number.NaN;
  if (draft.discount !== base.discount) patch.discount_percent = Number(draft.discount || 0);
  if (draft.deposit !== base.deposit) patch.deposit_percent = draft.deposit === "" ? null : Number(draft.deposit);
  return patch;
}
