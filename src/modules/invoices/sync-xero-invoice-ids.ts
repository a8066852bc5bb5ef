import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { parseInput } from "../../lib/validation.ts";
import { xeroLedger } from "../integrations/index.ts";
import { applyXeroRemoteInvoices, linkedXeroContacts } from "./apply-xero-remote-invoices.ts";

const Input = z.strictObject({ invoice_ids: z.array(z.string().min(1).max(64)).min(1).max(10_000) });

/**
 * A targeted sync (a webhook named these invoices): reads exactly them, `IDs` in chunks of at most 50, and
 * applies them as the workspace sync does. Duplicated or reordered events read the latest state again, which
 * changes nothing twice.
 */
export async function syncXeroInvoiceIds(ctx: Ctx, input: { invoice_ids: string[] }): Promise<{ changed: number }> {
  const parsed = parseInput(Input, input);
  const ids = [...new Set(parsed.invoice_ids.map((id) => id.toLowerCase()))];
  const { ledger, tenantId, recordAs } = await xeroLedger(ctx);
  // One invoice named (the usual webhook): its read goes on that invoice's timeline in the log.
  const [only] = ids.length === 1 ? await settleInvoiceOf(ctx, ids[0] ?? "") : [];
  if (only) recordAs(only.id);
  const linked = await linkedXeroContacts(ctx, tenantId);
  const remotes = await ledger.getInvoices(ids);
  return { changed: await applyXeroRemoteInvoices(ctx, tenantId, remotes, linked) };
}

function settleInvoiceOf(ctx: Ctx, externalId: string) {
  return ctx.db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, ctx.actor.workspaceId), eq(sql`lower(${invoices.externalId})`, externalId)))
    .limit(1);
}
