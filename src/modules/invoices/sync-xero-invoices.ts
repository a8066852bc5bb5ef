import { and, eq, isNotNull } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { invoices } from "../../db/schema/invoices.ts";
import type { LedgerInvoice } from "../../integrations/accounting/port.ts";
import { xeroLedger } from "../integrations/index.ts";
import type { InvoiceRow } from "./internal.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { promoteSentInvoiceLines, promoteSettledLines } from "./promote-invoice-lines.ts";

const UNSENT = new Set(["DRAFT", "SUBMITTED"]);

/**
 * Pulls the latest state of the opportunity's Xero invoices (batched reads, outside any transaction) and
 * applies each in its own short transaction. Re-running changes nothing: rows only update on a difference,
 * and `promote` is forward-only, so no line ever moves down.
 */
export async function syncOpportunityXeroInvoices(ctx: Ctx, opportunityId: string): Promise<{ updated: number }> {
  const workspaceId = ctx.actor.workspaceId;
  const local = await ctx.db
    .select({ externalId: invoices.externalId })
    .from(invoices)
    .where(
      and(
        eq(invoices.workspaceId, workspaceId),
        eq(invoices.opportunityId, opportunityId),
        eq(invoices.provider, "xero"),
        isNotNull(invoices.externalId),
      ),
    );
  const ids = local.map((r) => r.externalId).filter((id): id is string => id !== null);
  if (ids.length === 0) {
    return { updated: 0 };
  }
  const { ledger } = await xeroLedger(ctx);
  let updated = 0;
  for (const remote of await ledger.getInvoices(ids)) {
    if (await withTransaction(ctx, (tx) => applyRemote(tx, ctx, opportunityId, remote))) {
      updated += 1;
    }
  }
  return { updated };
}

async function applyRemote(tx: Tx, ctx: Ctx, opportunityId: string, remote: LedgerInvoice): Promise<boolean> {
  const where = and(
    eq(invoices.workspaceId, ctx.actor.workspaceId),
    eq(invoices.opportunityId, opportunityId),
    eq(invoices.provider, "xero"),
    eq(invoices.externalId, remote.id),
  );
  // The row lock makes a concurrent sync of the same invoice wait and then see nothing left to change.
  const [current] = await tx.select().from(invoices).where(where).for("update");
  if (!current || (current.status === remote.status && current.amountPaidAmount === remote.amountPaidAmount)) {
    return false;
  }
  const now = ctx.clock.now();
  const becamePaid = remote.status === "PAID" && current.status !== "PAID";
  const [row] = await tx
    .update(invoices)
    .set({
      status: remote.status,
      amountPaidAmount: remote.amountPaidAmount,
      paidAt: remote.status === "PAID" ? (current.paidAt ?? now) : current.paidAt,
      sentAt: UNSENT.has(remote.status) ? current.sentAt : (current.sentAt ?? now),
      updatedAt: now,
    })
    .where(where)
    .returning();
  if (!row) {
    return false;
  }
  await promoteLines(tx, ctx, current, row);
  await enqueueInvoiceChanged(tx, ctx.actor.workspaceId, {
    invoiceId: row.id,
    opportunityId,
    event: becamePaid ? "paid" : "updated",
  });
  return true;
}

/** Approved in Xero counts as sent; PAID in Xero settles what it fully covers (SPEC §2). */
async function promoteLines(tx: Tx, ctx: Ctx, before: InvoiceRow, after: InvoiceRow) {
  const issued = (status: string) => status === "AUTHORISED" || status === "PAID";
  if (issued(after.status) && !issued(before.status)) {
    await promoteSentInvoiceLines(tx, ctx, after, "xero_sync");
  }
  if (after.status === "PAID") {
    await promoteSettledLines(tx, ctx, after, "xero_sync");
  }
}
