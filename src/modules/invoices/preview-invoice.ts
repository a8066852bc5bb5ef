import type { Ctx } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { AppError } from "../../lib/errors.ts";
import { MoneyError } from "../../lib/money.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getOpportunityOrThrow } from "../opportunities/internal.ts";
import { previewInvoice as computePreview, EngineError, type Preview } from "./engine/index.ts";
import { loadEngineLines } from "./engine-lines.ts";
import { getInvoiceSettings } from "./internal.ts";
import { PreviewInvoiceCommand, type PreviewInvoiceInput } from "./schemas.ts";

/** The engine's errors in Settle's vocabulary: an unknown line id is a 404, a bad figure names the field. */
function translate(error: unknown): never {
  if (error instanceof EngineError) {
    if (error.code === "unknown_line") {
      throw new AppError("not_found", `No product line ${error.lineId} on this opportunity.`, {
        issues: [{ field: "line_ids", message: `unknown line ${error.lineId}` }],
      });
    }
    throw new AppError("invalid_input", error.message, {
      issues: [{ field: error.lineId ? "line_ids" : "free_lines", message: error.message }],
    });
  }
  if (error instanceof MoneyError) {
    throw new AppError("invalid_input", error.message, { issues: [{ field: "free_lines", message: error.message }] });
  }
  throw error;
}

/** Shared by preview and create: the same numbers a member saw are the numbers that get stored. */
export async function computeInvoicePreview(
  db: DbOrTx,
  workspaceId: string,
  opportunityId: string,
  input: ReturnType<typeof PreviewInvoiceInput.parse>,
): Promise<Preview> {
  const opportunity = await getOpportunityOrThrow(db, workspaceId, opportunityId);
  const settings = await getInvoiceSettings(db, workspaceId);
  const lines = await loadEngineLines(db, opportunityId, settings);
  try {
    return computePreview({
      portion: input.portion,
      currency: opportunity.currency,
      taxMode: settings.taxMode,
      lines,
      ...(input.line_ids ? { selectedLineIds: input.line_ids } : {}),
      freeLines: (input.free_lines ?? []).map((f) => ({
        description: f.description,
        quantity: f.quantity,
        unitAmount: f.unit_amount,
        taxRate: f.tax_rate,
      })),
    });
  } catch (error) {
    return translate(error);
  }
}

/** Preview an invoice without writing anything: which lines, what amounts, which warnings. */
export async function previewInvoice(ctx: Ctx, input: PreviewInvoiceCommand): Promise<Preview> {
  const parsed = parseInput(PreviewInvoiceCommand, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  return computeInvoicePreview(ctx.db, ctx.actor.workspaceId, parsed.opportunity_id, parsed);
}
