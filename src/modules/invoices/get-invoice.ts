import type { Ctx } from "../../context.ts";
import { requireScope } from "../access/index.ts";
import { getInvoiceOrThrow, type InvoiceWithLines, loadInvoiceLines } from "./internal.ts";

export async function getInvoice(ctx: Ctx, id: string): Promise<InvoiceWithLines> {
  requireScope(ctx.actor.scopes, "invoices:read");
  const invoice = await getInvoiceOrThrow(ctx.db, ctx.actor.workspaceId, id);
  return { ...invoice, lines: await loadInvoiceLines(ctx.db, id) };
}
