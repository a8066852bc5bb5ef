import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { xeroRepeatingInvoices } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { promote } from "../opportunities/index.ts";
import { assertBillable } from "./assert-billable.ts";
import { statusProposedByPortion } from "./engine/index.ts";
import { computeInvoicePreview } from "./preview-invoice.ts";
import { xeroBillingContext } from "./xero-billing-context.ts";
import { xeroReference } from "./xero-invoice-input.ts";
import { resolveXeroLines } from "./xero-invoice-lines.ts";
import { CreateXeroRepeatingInvoiceCommand } from "./xero-repeating-input.ts";

export type XeroRepeatingInvoiceRow = typeof xeroRepeatingInvoices.$inferSelect;

/**
 * Bills an ongoing portion with a Xero repeating invoice: the template is written locally first (pending,
 * no Xero id), created in Xero under an Idempotency-Key derived from its id, then completed. Xero raises the
 * invoices on the schedule; sync brings them in. Without "approve for sending" Xero emails nobody
 * (ApprovedForSending=false). An approved schedule moves its lines up to invoiced; a draft moves nothing.
 */
export async function createXeroRepeatingInvoice(
  ctx: Ctx,
  input: CreateXeroRepeatingInvoiceCommand,
): Promise<XeroRepeatingInvoiceRow> {
  const parsed = parseInput(CreateXeroRepeatingInvoiceCommand, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const workspaceId = ctx.actor.workspaceId;
  const { opportunity, session, contactId, taxMappings } = await xeroBillingContext(ctx, parsed.opportunity_id);
  const { ledger, tenantId, connection } = session;
  const preview = await computeInvoicePreview(ctx.db, workspaceId, opportunity.id, {
    portion: "ongoing",
    ...(parsed.line_ids ? { line_ids: parsed.line_ids } : {}),
  });
  // A template bills every period by design, so "already billed" is not a refusal here; nothing to bill is.
  assertBillable(preview, true);
  const settings = await resolveXeroLines(
    preview.lines,
    parsed,
    { accountCode: connection.defaultAccountCode, taxMappings },
    ledger,
  );
  const now = ctx.clock.now();
  const id = newId("invoice", now);
  const { schedule } = parsed;
  const status = parsed.approval === "draft" ? ("DRAFT" as const) : ("AUTHORISED" as const);
  await ctx.db.insert(xeroRepeatingInvoices).values({
    id,
    workspaceId,
    opportunityId: opportunity.id,
    xeroTenantId: tenantId,
    externalId: null,
    status,
    approval: parsed.approval,
    unit: schedule.unit,
    every: schedule.every,
    startDate: schedule.start_date,
    endDate: schedule.end_date ?? null,
    dueType: schedule.due.type,
    dueDay: schedule.due.day,
    reference: parsed.reference ?? null,
    currency: preview.currency,
    totalAmount: preview.totalAmount,
    productLineIds: [...new Set(preview.lines.flatMap((l) => (l.productLineId ? [l.productLineId] : [])))],
  });
  const made = await ledger
    .createRepeatingInvoice(
      {
        contactId,
        currency: preview.currency,
        reference: xeroReference(parsed.reference, id),
        status,
        approvedForSending: parsed.approval === "approve_for_sending",
        lineAmountTypes: preview.taxMode === "inclusive" ? "Inclusive" : "Exclusive",
        brandingThemeId: parsed.branding_theme_id ?? connection.brandingThemeId,
        lines: preview.lines.map((line, index) => ({
          description: line.description,
          quantity: line.quantity,
          unitAmount: line.unitAmount,
          accountCode: settings[index]?.accountCode ?? "",
          taxType: settings[index]?.taxType ?? null,
        })),
        schedule: {
          unit: schedule.unit === "week" ? "WEEKLY" : "MONTHLY",
          period: schedule.every,
          startDate: schedule.start_date,
          endDate: schedule.end_date ?? null,
          dueDateType: schedule.due.type === "days_after_invoice" ? "DAYSAFTERBILLDATE" : "OFFOLLOWINGMONTH",
          dueDay: schedule.due.day,
        },
      },
      `settle-${id}`,
    )
    .catch(async (error: unknown) => {
      // Refused by Xero: no template exists there, so none stays here (a lost answer keeps the pending row).
      if (error instanceof AppError && error.code !== "upstream_failed") {
        await ctx.db.delete(xeroRepeatingInvoices).where(eq(xeroRepeatingInvoices.id, id));
      }
      throw error;
    });
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(xeroRepeatingInvoices)
      .set({ externalId: made.id, totalAmount: made.totalAmount, updatedAt: ctx.clock.now() })
      .where(and(eq(xeroRepeatingInvoices.workspaceId, workspaceId), eq(xeroRepeatingInvoices.id, id)))
      .returning();
    if (!row) throw new AppError("internal", "The repeating invoice was not recorded.");
    // An approved schedule bills its lines from now on, as sending an invoice would (SPEC §2); a draft does not.
    if (status === "AUTHORISED") {
      const lineIds = new Set(preview.lines.map((l) => l.productLineId).filter((id): id is string => id !== null));
      for (const lineId of lineIds) {
        await promote(
          { ...ctx, db: tx },
          { lineId, proposed: statusProposedByPortion("ongoing"), source: "invoice_sent" },
        );
      }
    }
    return row;
  });
}
