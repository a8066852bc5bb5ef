import { and, eq, isNull, or } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { xeroLedger } from "../integrations/index.ts";
import { applyXeroInvoiceState } from "./apply-xero-invoice-state.ts";
import { reconcileXeroInvoice } from "./reconcile-xero-invoice.ts";

/**
 * Pulls the latest state of the opportunity's Xero invoices in the connected organisation (batched reads,
 * outside any transaction) and applies each in its own short transaction; invoices still being created are
 * looked for by their reference. Re-running changes nothing: rows only update on a difference, and lines
 * only move up.
 */
export async function syncOpportunityXeroInvoices(
  ctx: Ctx,
  input: { opportunity_id: string },
): Promise<{ updated: number }> {
  const opportunityId = parseInput(RecordId, input.opportunity_id);
  const workspaceId = ctx.actor.workspaceId;
  const { ledger, tenantId } = await xeroLedger(ctx);
  const local = await ctx.db
    .select({ id: invoices.id, externalId: invoices.externalId })
    .from(invoices)
    .where(
      and(
        eq(invoices.workspaceId, workspaceId),
        eq(invoices.opportunityId, opportunityId),
        eq(invoices.provider, "xero"),
        // Invoices of an organisation connected earlier cannot be read with this one's token.
        or(eq(invoices.xeroTenantId, tenantId), isNull(invoices.xeroTenantId)),
      ),
    );
  let updated = 0;
  for (const pending of local.filter((r) => r.externalId === null)) {
    if ((await reconcileXeroInvoice(ctx, { invoice_id: pending.id }).catch(() => "waiting")) === "recorded")
      updated += 1;
  }
  const ids = local.map((r) => r.externalId).filter((id): id is string => id !== null);
  if (ids.length === 0) return { updated };
  for (const remote of await ledger.getInvoices(ids)) {
    if (await withTransaction(ctx, (tx) => applyXeroInvoiceState(tx, ctx, remote))) {
      updated += 1;
    }
  }
  return { updated };
}
