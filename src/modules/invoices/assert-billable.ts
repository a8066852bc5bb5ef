import { AppError } from "../../lib/errors.ts";
import type { Preview } from "./engine/index.ts";

/**
 * The refusals every invoice creation shares (native and Xero), so both apply the same double-billing rule
 * to the same preview.
 */
export function assertBillable(preview: Preview, confirmDoubleBilling: boolean): void {
  if (preview.lines.length === 0) {
    throw new AppError("invalid_input", "Nothing to invoice: no line is selected for this portion.", {
      issues: [{ field: "line_ids", message: "select at least one product line or add a free line" }],
      fix: "Tick lines in the invoice dialog, choose another portion, or add a free-form line.",
    });
  }
  if (preview.totalAmount === 0) {
    // A zero invoice could never be paid (payments are positive) and would sit AUTHORISED for ever.
    throw new AppError("invalid_input", "This invoice would total zero; there is nothing to bill.", {
      issues: [{ field: "line_ids", message: "the selected lines bill nothing for this portion" }],
      fix: "Choose another portion, or tick lines that still have an amount to bill.",
    });
  }
  const doubled = preview.lines.filter((l) => l.warning === "double_billing");
  if (doubled.length > 0 && !confirmDoubleBilling) {
    throw new AppError("precondition_failed", `${doubled.map((l) => l.description).join(", ")} was already billed.`, {
      issues: [{ field: "confirm_double_billing", message: "must be true to bill these lines again" }],
      fix: "Untick those lines, or confirm double billing.",
    });
  }
}
