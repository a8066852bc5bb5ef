import { createHash } from "node:crypto";
import { and, eq, gt, inArray, like } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { contacts, mailMessages, opportunities } from "../../db/schema/index.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { formatMoney, subtractMinor } from "../../lib/money.ts";
import { mailBrandingOf, mailSettingsOf, queueMail, renderInvoiceMail } from "../mail/index.ts";
import { createPortalLinkFor } from "../portal/create-portal-link.ts";
import { invoiceAsWritten } from "./get-invoice.ts";
import { loadInvoiceLines } from "./internal.ts";
import { recordInvoiceSent } from "./invoice-business-events.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { paymentLinksOf } from "./payment-links-of.ts";
import { promoteSentInvoiceLines } from "./promote-invoice-lines.ts";

/**
 * A repeated send of the same invoice to the same recipients within this window is the same send (a double
 * click, a client retrying without an Idempotency-Key): it changes nothing and sends nothing.
 */
export const SEND_DEDUPE_WINDOW_MS = 10_000;

/**
 * Emails a native invoice to the chosen contacts (default: the opportunity's primary contact), one message per
 * recipient with that recipient's own portal link. Sending a DRAFT or SUBMITTED invoice approves it exactly as
 * approve does (AUTHORISED, lines promoted, `sent` event); a later send is a resend. The messages are rendered
 * and queued in the same transaction, so an invoice is approved exactly when its email is queued.
 */
export async function sendNativeInvoice(ctx: Ctx, input: { id: string; contactIds: string[] | undefined }) {
  await withTransaction(ctx, async (tx) => {
    // The row lock serialises concurrent sends of this invoice, which makes the window check below race-free.
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.workspaceId, ctx.actor.workspaceId), eq(invoices.id, input.id)))
      .for("update");
    if (!invoice) throw notFound("invoice", input.id);
    if (invoice.status === "VOIDED" || invoice.status === "DELETED") {
      throw new AppError("conflict", `Invoice ${invoice.number} is ${invoice.status}; it cannot be sent.`);
    }
    const recipients = await recipientsOf(tx, ctx, invoice.opportunityId, input.contactIds);
    const now = ctx.clock.now();
    const sendKey = `invoice-send:${invoice.id}:${recipientSetHash(recipients.map((r) => r.id))}:`;
    if (await sentWithinWindow(tx, ctx.actor.workspaceId, invoice.id, sendKey, now)) return;

    let sent = invoice;
    if (invoice.status === "DRAFT" || invoice.status === "SUBMITTED") {
      const [approved] = await tx
        .update(invoices)
        .set({ status: "AUTHORISED", sentAt: invoice.sentAt ?? now, updatedAt: now })
        .where(eq(invoices.id, invoice.id))
        .returning();
      if (!approved) throw new AppError("conflict", `Invoice ${invoice.number} changed while it was being sent.`);
      sent = approved;
      await promoteSentInvoiceLines(tx, ctx, approved, "invoice_sent");
      await recordInvoiceSent(tx, approved, "invoice_sent", now);
      await enqueueInvoiceChanged(tx, ctx.actor.workspaceId, {
        invoiceId: approved.id,
        opportunityId: approved.opportunityId,
        event: "sent",
      });
    } else if (!invoice.sentAt) {
      await tx.update(invoices).set({ sentAt: now, updatedAt: now }).where(eq(invoices.id, invoice.id));
      await recordInvoiceSent(tx, invoice, "invoice_sent", now);
    }

    const settings = mailSettingsOf(ctx);
    const branding = await mailBrandingOf(tx, ctx.actor.workspaceId);
    const lines = await loadInvoiceLines(tx, invoice.id);
    const link = (await paymentLinksOf(tx, ctx.actor.workspaceId, [invoice.id])).get(invoice.id);
    const money = (minor: number) => formatMoney(minor, sent.currency);
    const bucket = Math.floor(now.getTime() / SEND_DEDUPE_WINDOW_MS);
    for (const contact of recipients) {
      const portal = await createPortalLinkFor({ ...ctx, db: tx }, { contactId: contact.id });
      const rendered = renderInvoiceMail({
        branding,
        recipientName: contact.name,
        number: sent.number,
        amountDue: money(subtractMinor(sent.totalAmount, sent.amountPaidAmount)),
        total: money(sent.totalAmount),
        tax: sent.taxAmount > 0 ? money(sent.taxAmount) : null,
        dueDate: sent.dueDate ? formatDay(sent.dueDate) : null,
        lines: lines.map((l) => ({ description: l.description, amount: money(l.amount) })),
        payNowUrl: link?.active ? link.url : null,
        portalUrl: portal.url,
      });
      await queueMail(tx, ctx.clock, {
        workspaceId: ctx.actor.workspaceId,
        from: settings.from,
        replyTo: branding.replyTo,
        to: [{ email: contact.email, name: contact.name }],
        ...rendered,
        attachments: [{ kind: "invoice_pdf", invoiceId: invoice.id, filename: `${sent.number}.pdf` }],
        relatedType: "invoice",
        relatedId: invoice.id,
        dedupeKey: `${sendKey}${contact.id}:${bucket}`,
      });
    }
  });
  return invoiceAsWritten(ctx, input.id);
}

async function recipientsOf(tx: Tx, ctx: Ctx, opportunityId: string, given: string[] | undefined) {
  let ids = given ? [...new Set(given)] : [];
  if (!given) {
    const [opportunity] = await tx
      .select({ primaryContactId: opportunities.primaryContactId })
      .from(opportunities)
      .where(and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.id, opportunityId)));
    if (!opportunity?.primaryContactId) {
      throw new AppError("invalid_input", "The opportunity has no primary contact to send the invoice to.", {
        issues: [{ field: "contact_ids", message: "required: the opportunity has no primary contact" }],
        fix: "Pass contact_ids, or set the opportunity's primary contact.",
      });
    }
    ids = [opportunity.primaryContactId];
  }
  const rows = await tx
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.actor.workspaceId), inArray(contacts.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const contact = byId.get(id);
    if (!contact) {
      throw new AppError("not_found", `No contact with id ${id} in this workspace (contact_ids).`, {
        details: { id },
        issues: [{ field: "contact_ids", message: "no such record in this workspace" }],
      });
    }
    if (!contact.email) {
      throw new AppError("invalid_input", `Contact ${contact.name} has no email address.`, {
        issues: [{ field: "contact_ids", message: `contact ${id} has no email address` }],
        fix: `Add an email to the contact (PATCH /api/v1/contacts/${id}) or choose another contact.`,
      });
    }
    return { id: contact.id, name: contact.name, email: contact.email };
  });
}

function recipientSetHash(ids: string[]): string {
  return createHash("sha256")
    .update([...ids].sort().join(","))
    .digest("hex")
    .slice(0, 16);
}

async function sentWithinWindow(tx: Tx, workspaceId: string, invoiceId: string, sendKey: string, now: Date) {
  const [recent] = await tx
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.workspaceId, workspaceId),
        eq(mailMessages.relatedId, invoiceId),
        like(mailMessages.dedupeKey, `${sendKey}%`),
        gt(mailMessages.createdAt, new Date(now.getTime() - SEND_DEDUPE_WINDOW_MS)),
      ),
    )
    .limit(1);
  return Boolean(recent);
}

const DAY_FORMAT = new Intl.DateTimeFormat("en-US", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

function formatDay(day: string): string {
  return DAY_FORMAT.format(new Date(`${day}T00:00:00Z`));
}
