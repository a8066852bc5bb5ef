import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { companies, products } from "../../db/schema/crm.ts";
import { invoices, xeroRepeatingInvoices } from "../../db/schema/invoices.ts";
import { productLines } from "../../db/schema/opportunities.ts";
import { xeroRaisedInvoices } from "../../db/schema/xero-sync.ts";
import type { LedgerInvoice } from "../../integrations/accounting/port.ts";
import { promote } from "../opportunities/index.ts";
import { applyXeroInvoiceState } from "./apply-xero-invoice-state.ts";
import { statusProposedByPortion } from "./engine/index.ts";

type Template = { opportunityId: string; lineIds: string[] | null };

/** The Xero contacts of the workspace's companies in this organisation: what a sync may bring in. */
export async function linkedXeroContacts(ctx: Ctx, tenantId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ contactId: companies.xeroContactId })
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, ctx.actor.workspaceId),
        isNotNull(companies.xeroContactId),
        eq(companies.xeroTenantId, tenantId),
      ),
    );
  return new Set(rows.map((r) => (r.contactId ?? "").toLowerCase()));
}

/**
 * Applies invoices read from Xero: those Settle raised update their own record (forward only, lines move);
 * the others of linked contacts are kept as raised in Xero, a stale read never overwriting a newer one, and
 * those a Settle repeating invoice generated are pinned to its opportunity and move its recurring lines.
 * Every step is idempotent, so duplicates, re-runs and concurrent runs converge. Returns how many changed.
 */
export async function applyXeroRemoteInvoices(
  ctx: Ctx,
  tenantId: string,
  remotes: readonly LedgerInvoice[],
  linked: ReadonlySet<string>,
): Promise<number> {
  const workspaceId = ctx.actor.workspaceId;
  const sales = remotes.filter((r) => r.id && (r.type ?? "ACCREC") === "ACCREC");
  if (sales.length === 0) return 0;
  const ids = sales.map((r) => r.id);
  const own = new Set(
    (
      await ctx.db
        .select({ externalId: invoices.externalId })
        .from(invoices)
        .where(
          and(eq(invoices.workspaceId, workspaceId), eq(invoices.provider, "xero"), inArray(invoices.externalId, ids)),
        )
    ).map((r) => (r.externalId ?? "").toLowerCase()),
  );
  let changed = 0;
  for (const remote of sales.filter((r) => own.has(r.id.toLowerCase()))) {
    if (await withTransaction(ctx, (tx) => applyXeroInvoiceState(tx, ctx, remote))) changed += 1;
  }
  const foreign = sales.filter(
    (r) => !own.has(r.id.toLowerCase()) && r.contactId && linked.has(r.contactId.toLowerCase()),
  );
  if (foreign.length === 0) return changed;
  const templates = await repeatingTemplates(ctx, foreign);
  await withTransaction(ctx, async (tx) => {
    for (const remote of foreign) {
      const template = remote.repeatingInvoiceId ? templates.get(remote.repeatingInvoiceId.toLowerCase()) : undefined;
      const updated = await upsertRaised(tx, ctx, tenantId, remote, template?.opportunityId ?? null);
      if (!updated) continue;
      changed += 1;
      if (template) await promoteTemplateLines(tx, ctx, template, remote.status);
    }
  });
  return changed;
}

async function repeatingTemplates(ctx: Ctx, remotes: readonly LedgerInvoice[]) {
  const ids = [...new Set(remotes.map((r) => r.repeatingInvoiceId).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map<string, Template>();
  const rows = await ctx.db
    .select({
      externalId: xeroRepeatingInvoices.externalId,
      opportunityId: xeroRepeatingInvoices.opportunityId,
      lineIds: xeroRepeatingInvoices.productLineIds,
    })
    .from(xeroRepeatingInvoices)
    .where(
      and(
        eq(xeroRepeatingInvoices.workspaceId, ctx.actor.workspaceId),
        inArray(
          sql`lower(${xeroRepeatingInvoices.externalId})`,
          ids.map((id) => id.toLowerCase()),
        ),
      ),
    );
  return new Map(
    rows.map((r) => [(r.externalId ?? "").toLowerCase(), { opportunityId: r.opportunityId, lineIds: r.lineIds }]),
  );
}

/** True when the row was written: new, or Xero's copy is at least as recent as the one kept. */
async function upsertRaised(
  tx: Tx,
  ctx: Ctx,
  tenantId: string,
  remote: LedgerInvoice,
  pinTo: string | null,
): Promise<boolean> {
  const now = ctx.clock.now();
  const values = {
    tenantId,
    contactId: (remote.contactId ?? "").toLowerCase(),
    number: remote.number,
    reference: remote.reference,
    status: remote.status,
    currency: remote.currency,
    totalAmount: remote.totalAmount,
    amountPaidAmount: remote.amountPaidAmount,
    amountDueAmount: remote.amountDueAmount,
    issueDate: remote.issueDate ?? null,
    dueDate: remote.dueDate,
    fullyPaidOn: remote.fullyPaidOn,
    repeatingInvoiceId: remote.repeatingInvoiceId ?? null,
    xeroUpdatedAt: remote.updatedAt ?? null,
    updatedAt: now,
  };
  const t = xeroRaisedInvoices;
  const rows = await tx
    .insert(t)
    .values({
      workspaceId: ctx.actor.workspaceId,
      externalId: remote.id.toLowerCase(),
      pinnedOpportunityId: pinTo,
      ...values,
    })
    .onConflictDoUpdate({
      target: [t.workspaceId, t.externalId],
      set: { ...values, ...(pinTo ? { pinnedOpportunityId: pinTo } : {}) },
      // Out of order: an older read of the invoice never replaces a newer one; an identical one changes nothing.
      setWhere: sql`(${t.xeroUpdatedAt} is null or ${values.xeroUpdatedAt}::timestamptz is null or ${t.xeroUpdatedAt} < ${values.xeroUpdatedAt}::timestamptz)`,
    })
    .returning({ id: t.externalId });
  return rows.length > 0;
}

/**
 * A generated invoice bills the lines its template was made from: approved → invoiced, paid → paid (forward
 * only). Other recurring lines of the opportunity (added later, or billed by another template) stay as they are.
 */
async function promoteTemplateLines(tx: Tx, ctx: Ctx, template: Template, status: string): Promise<void> {
  if (status !== "AUTHORISED" && status !== "PAID") return;
  const workspaceId = ctx.actor.workspaceId;
  const ofOpportunity = and(
    eq(productLines.workspaceId, workspaceId),
    eq(productLines.opportunityId, template.opportunityId),
  );
  const lines = template.lineIds
    ? template.lineIds.length === 0
      ? []
      : await tx
          .select({ id: productLines.id })
          .from(productLines)
          .where(and(ofOpportunity, inArray(productLines.id, template.lineIds)))
    : // Templates made before their lines were kept name none: their opportunity's recurring lines.
      await tx
        .select({ id: productLines.id })
        .from(productLines)
        .innerJoin(products, eq(products.id, productLines.productId))
        .where(and(ofOpportunity, eq(products.billing, "recurring")));
  const proposed = status === "PAID" ? "paid" : statusProposedByPortion("ongoing");
  for (const line of lines) {
    await promote({ ...ctx, db: tx }, { lineId: line.id, proposed, source: "xero_sync" });
  }
}
