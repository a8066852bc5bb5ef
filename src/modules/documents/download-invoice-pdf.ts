import type { Ctx } from "../../context.ts";
import { RecordRef } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { renderInvoicePdf } from "./invoice-pdf.ts";

/** The PDF a member downloads: every amount is on it, so it needs invoices:read. */
export async function downloadInvoicePdf(ctx: Ctx, input: RecordRef): Promise<{ filename: string; content: Buffer }> {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  return renderInvoicePdf(ctx.db, ctx.actor.workspaceId, id);
}
