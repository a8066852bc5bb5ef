import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { opportunities } from "../../db/schema/index.ts";
import { invoiceLines, invoices } from "../../db/schema/invoices.ts";
import type { LedgerInvoice } from "../../integrations/accounting/port.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getCompanyOrThrow } from "../crm/index.ts";
import { xeroLedger } from "../integrations/index.ts";
import { getOpportunityOrThrow } from "../opportunities/internal.ts";
import { assertBillable } from "./assert-billable.ts";
import type { Preview } from "./engine/index.ts";
import { type InvoiceView, invoiceAsWritten } from "./get-invoice.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { computeInvoicePreview } from "./preview-invoice.ts";
import { promoteSentInvoiceLines } from "./promote-invoice-lines.ts";
import { CreateXeroInvoiceInput, type CreateXeroInvoiceInput as Input } from "./schemas.ts";

type Parsed = ReturnType<typeof CreateXeroInvoiceInput.parse>;

/**
 * Raises an ACCREC invoice in Xero from the same preview a native invoice uses, then records it locally.
 * Xero is called outside any transaction; its id is reserved first so the write carries a stable
 * Idempotency-Key. If Xero refuses, its validation message surfaces and nothing is written here.
 */
export async function createXeroInvoice(ctx: Ctx, opportunityId: string, input: Input): Promise<InvoiceView> {
  const parsed = parseInput(CreateXeroInvoiceInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const workspaceId = ctx.actor.workspaceId;
  const opportunity = await getOpportunityOrThrow(ctx.db, workspaceId, opportunityId);
  const { ledger } = await xeroLedger(ctx);
  const company = await getCompanyOrThrow(ctx.db, workspaceId, opportunity.companyId);
  if (!company.xeroContactId) {
    throw new AppError("precondition_failed", `${company.name} is not linked to a Xero contact.`, {
      fix: "In the opportunity's Invoices section choose Add Contact → New Contact or Link Existing.",
    });
  }
  const preview = await computeInvoicePreview(ctx.db, workspaceId, opportunityId, parsed);
  assertBillable(preview, parsed.confirm_double_billing);
  const now = ctx.clock.now();
  const invoiceId = newId("invoice", now);
  const issueDate = now.toISOString().slice(0, 10);
  const created = await ledger.createInvoice(
    {
      contactId: company.xeroContactId,
      currency: preview.currency,
      date: issueDate,
      dueDate: parsed.due_date,
      reference: parsed.reference ?? null,
      status: parsed.status,
      lineAmountTypes: preview.taxMode === "inclusive" ? "Inclusive" : "Exclusive",
      lines: preview.lines.map((line) => ({
        description: line.description,
        quantity: line.quantity,
        unitAmount: line.unitAmount,
        accountCode: parsed.account_code,
        taxType: parsed.tax_type ?? null,
      })),
    },
    `settle-${invoiceId}`,
  );
  await withTransaction(ctx, (tx) =>
    recordXeroInvoice(tx, ctx, { invoiceId, opportunityId, issueDate }, parsed, preview, created),
  );
  return invoiceAsWritten(ctx, invoiceId);
}

async function recordXeroInvoice(
  tx: Tx,
  ctx: Ctx,
  ids: { invoiceId: string; opportunityId: string; issueDate: string },
  parsed: Parsed,
  preview: Preview,
  created: LedgerInvoice,
) {
  const workspaceId = ctx.actor.workspaceId;
  const now = ctx.clock.now();
  // Serialises with native creations on this opportunity, as create-invoice does.
  await tx
    .select({ id: opportunities.id })
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, ids.opportunityId)))
    .for("no key update");
  // Xero is the ledger: its totals are stored even where its rounding differs from the preview by a cent.
  const [row] = await tx
    .insert(invoices)
    .values({
      id: ids.invoiceId,
      workspaceId,
      opportunityId: ids.opportunityId,
      provider: "xero",
      portion: preview.portion,
      billedPortion: preview.portion,
      number: created.number,
      externalId: created.id,
      status: created.status,
      currency: created.currency,
      taxMode: preview.taxMode,
      issueDate: ids.issueDate,
      dueDate: parsed.due_date,
      reference: parsed.reference ?? null,
      subtotalAmount: created.subtotalAmount,
      taxAmount: created.taxAmount,
      totalAmount: created.totalAmount,
      amountPaidAmount: created.amountPaidAmount,
      sentAt: created.status === "AUTHORISED" ? now : null,
    })
    .returning();
  if (!row) {
    throw new AppError("internal", "The Xero invoice was not recorded.");
  }
  await tx.insert(invoiceLines).values(
    preview.lines.map((line, index) => ({
      id: newId("invoiceLine", now),
      workspaceId,
      invoiceId: ids.invoiceId,
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
  const sent = row.status === "AUTHORISED";
  if (sent) {
    await promoteSentInvoiceLines(tx, ctx, row, "invoice_sent");
  }
  await enqueueInvoiceChanged(tx, workspaceId, {
    invoiceId: row.id,
    opportunityId: row.opportunityId,
    event: sent ? "sent" : "created",
  });
}
