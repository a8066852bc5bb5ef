import { and, eq, isNull } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { opportunities } from "../../db/schema/index.ts";
import { invoiceLines, invoices } from "../../db/schema/invoices.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { todayIn } from "../../lib/dates.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { assertBillable } from "./assert-billable.ts";
import { type InvoiceView, invoiceAsWritten } from "./get-invoice.ts";
import { computeInvoicePreview } from "./preview-invoice.ts";
import { discardPendingXeroInvoice, recordXeroAnswer } from "./record-xero-answer.ts";
import { xeroBillingContext } from "./xero-billing-context.ts";
import { CreateXeroInvoiceCommand, xeroReference } from "./xero-invoice-input.ts";
import { resolveXeroLines } from "./xero-invoice-lines.ts";

export const XERO_RECONCILE_JOB = "accounting.reconcile-invoice";
/** When the reconciliation job first looks for an invoice whose request never came back. */
const RECONCILE_AFTER_MS = 2 * 60_000;

/**
 * Raises an ACCREC invoice in Xero from the same preview a native invoice uses, exactly once:
 * 1. under the opportunity's lock the double-billing check runs again and the invoice is written locally as
 *    pending (no Xero id yet) with its lines, beside a reconciliation job, in one transaction;
 * 2. Xero is asked for an invoice carrying Settle's id in its Reference, and only when there is none is one
 *    created, with an Idempotency-Key derived from the same id;
 * 3. Xero's answer completes the pending row and moves the lines up.
 * Xero refusing the invoice removes the pending row; Xero not answering leaves it for the job, which finds
 * the invoice by its reference (or, finding none, removes the row), so a crash between Xero's answer and the
 * local commit never leaves a second invoice or an orphan.
 */
export async function createXeroInvoice(ctx: Ctx, input: CreateXeroInvoiceCommand): Promise<InvoiceView> {
  const parsed = parseInput(CreateXeroInvoiceCommand, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  if (parsed.portion === "ongoing") {
    throw new AppError(
      "invalid_input",
      "An ongoing portion is billed by a Xero repeating invoice, not a one-off invoice.",
      {
        issues: [
          { field: "portion", message: "ongoing is not a one-off invoice", allowed: ["full", "deposit", "balance"] },
        ],
        fix: "POST /api/v1/opportunities/{id}/xero-repeating-invoices creates the repeating invoice.",
      },
    );
  }
  const workspaceId = ctx.actor.workspaceId;
  const opportunityId = parsed.opportunity_id;
  const { session, contactId, taxMappings } = await xeroBillingContext(ctx, opportunityId);
  const { ledger, tenantId, connection } = session;
  const preview = await computeInvoicePreview(ctx.db, workspaceId, opportunityId, parsed);
  assertBillable(preview, parsed.confirm_double_billing);
  const settings = await resolveXeroLines(
    preview.lines,
    parsed,
    { accountCode: connection.defaultAccountCode, taxMappings },
    ledger,
  );
  const now = ctx.clock.now();
  const invoiceId = newId("invoice", now);
  const issueDate = todayIn(connection.timezone, now);

  await withTransaction(ctx, async (tx) => {
    await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, opportunityId)))
      .for("no key update");
    const [inFlight] = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(
        and(eq(invoices.opportunityId, opportunityId), eq(invoices.provider, "xero"), isNull(invoices.externalId)),
      );
    if (inFlight) {
      throw new AppError("conflict", "Another Xero invoice for this opportunity is still being created.", {
        fix: "Wait a moment and sync the opportunity's invoices; then create the invoice again if it is still needed.",
      });
    }
    // The check that counts is this one, under the lock: two members pressing Send at once cannot both pass.
    const locked = await computeInvoicePreview(tx, workspaceId, opportunityId, parsed);
    assertBillable(locked, parsed.confirm_double_billing);
    await tx.insert(invoices).values({
      id: invoiceId,
      workspaceId,
      opportunityId,
      provider: "xero",
      portion: locked.portion,
      billedPortion: locked.portion,
      number: `pending:${invoiceId}`,
      externalId: null,
      xeroTenantId: tenantId,
      status: parsed.status,
      currency: locked.currency,
      taxMode: locked.taxMode,
      issueDate,
      dueDate: parsed.due_date,
      reference: parsed.reference ?? null,
      subtotalAmount: locked.subtotalAmount,
      taxAmount: locked.taxAmount,
      totalAmount: locked.totalAmount,
    });
    await tx.insert(invoiceLines).values(
      locked.lines.map((line, index) => ({
        id: newId("invoiceLine", now),
        workspaceId,
        invoiceId,
        productLineId: line.productLineId,
        description: line.description,
        quantity: line.quantity,
        unitAmount: line.unitAmount,
        taxRate: line.taxRate,
        amount: line.amount,
        taxAmount: line.taxAmount,
        sortOrder: index,
      })),
    );
    await enqueue(
      tx,
      XERO_RECONCILE_JOB,
      { invoiceId },
      { workspaceId, runAt: new Date(now.getTime() + RECONCILE_AFTER_MS), dedupeKey: `xero-reconcile:${invoiceId}` },
    );
  });

  const reference = xeroReference(parsed.reference, invoiceId);
  let answer: Awaited<ReturnType<typeof ledger.createInvoice>>;
  try {
    const [existing] = await ledger.findInvoicesByReference(reference);
    answer =
      existing ??
      (await ledger.createInvoice(
        {
          contactId,
          currency: preview.currency,
          date: issueDate,
          dueDate: parsed.due_date,
          reference,
          status: parsed.status,
          lineAmountTypes: preview.taxMode === "inclusive" ? "Inclusive" : "Exclusive",
          brandingThemeId: parsed.branding_theme_id ?? connection.brandingThemeId,
          lines: preview.lines.map((line, index) => ({
            description: line.description,
            quantity: line.quantity,
            unitAmount: line.unitAmount,
            accountCode: settings[index]?.accountCode ?? "",
            taxType: settings[index]?.taxType ?? null,
          })),
        },
        `settle-${invoiceId}`,
      ));
  } catch (error) {
    // Xero said no (a refusal, or a 429: Xero processed nothing): nothing exists there, so nothing may stay
    // here. Only an answer that never came (upstream_failed) may hide an invoice, and is left to the job.
    if (error instanceof AppError && error.code !== "upstream_failed") {
      await withTransaction(ctx, (tx) => discardPendingXeroInvoice(tx, workspaceId, invoiceId));
    }
    throw error;
  }
  // The invoice exists in Xero now: later calls go on its own timeline in the integration log.
  session.recordAs(invoiceId);
  let emailed = false;
  if (parsed.email === "xero" && answer.status === "AUTHORISED") {
    // The invoice exists either way; a failed email leaves Send Invoice on its card.
    emailed = await ledger.emailInvoice(answer.id).then(
      () => true,
      () => false,
    );
  }
  await withTransaction(ctx, (tx) => recordXeroAnswer(tx, ctx, invoiceId, answer, emailed));
  return invoiceAsWritten(ctx, invoiceId);
}
