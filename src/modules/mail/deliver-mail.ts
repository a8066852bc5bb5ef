import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { mailMessages } from "../../db/schema/index.ts";
import { MailDeliveryError, type MailTransport, type OutgoingAttachment } from "../../integrations/mail/port.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { renderInvoicePdf } from "../documents/invoice-pdf.ts";
import { mailLogoOf } from "./branding-of.ts";
import { LOGO_CID } from "./layout.ts";
import { MAIL_MAX_ATTEMPTS } from "./queue-mail.ts";

export type DeliveryContext = {
  db: Db;
  clock: Clock;
  logger: Logger;
  transport: MailTransport;
  workspaceId: string;
  /** This job attempt, from 1. */
  attempt: number;
};

export type DeliveryOutcome = "sent" | "failed" | "skipped";

/**
 * Delivers one queued message: attachments are rendered now (the PDF as the invoice stands), the server's reply
 * is recorded on every attempt. A 5xx reply fails the message for good and returns normally, so the queue does
 * not retry it; a temporary failure is recorded and rethrown, so the queue retries with backoff until the last
 * attempt, which fails the message. A message already sent or failed is left alone (a duplicate job run).
 */
export async function deliverMail(ctx: DeliveryContext, messageId: string): Promise<DeliveryOutcome> {
  const where = and(eq(mailMessages.workspaceId, ctx.workspaceId), eq(mailMessages.id, messageId));
  const [message] = await ctx.db.select().from(mailMessages).where(where);
  if (message?.state !== "queued") return "skipped";
  const record = (values: Partial<typeof mailMessages.$inferInsert>) =>
    ctx.db
      .update(mailMessages)
      .set({ ...values, attempts: message.attempts + 1, updatedAt: ctx.clock.now() })
      .where(where);

  let attachments: OutgoingAttachment[];
  try {
    attachments = await renderAttachments(ctx, message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const last = ctx.attempt >= MAIL_MAX_ATTEMPTS;
    await record({ smtpResponse: `Attachment not rendered: ${reason}`, ...(last ? { state: "failed" } : {}) });
    if (last) return "failed";
    throw error;
  }

  try {
    const receipt = await ctx.transport.send({
      id: message.id,
      from: message.from,
      replyTo: message.replyTo,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      attachments,
    });
    await record({
      state: "sent",
      transport: receipt.transport,
      smtpResponse: receipt.response,
      sentAt: ctx.clock.now(),
    });
    ctx.logger.info({ mail_id: message.id, transport: receipt.transport }, "mail sent");
    return "sent";
  } catch (error) {
    const response = error instanceof MailDeliveryError ? error.response : String(error);
    const permanent = error instanceof MailDeliveryError && error.permanent;
    const last = permanent || ctx.attempt >= MAIL_MAX_ATTEMPTS;
    await record({
      transport: ctx.transport.kind,
      smtpResponse: response,
      ...(last ? { state: "failed" } : {}),
    });
    ctx.logger.warn({ mail_id: message.id, permanent, attempt: ctx.attempt, response }, "mail not delivered");
    if (last) return "failed";
    throw error;
  }
}

async function renderAttachments(
  ctx: DeliveryContext,
  message: typeof mailMessages.$inferSelect,
): Promise<OutgoingAttachment[]> {
  const out: OutgoingAttachment[] = [];
  if (message.html.includes(`cid:${LOGO_CID}`)) {
    const logo = await mailLogoOf(ctx.db, ctx.workspaceId);
    if (logo) {
      const ext = logo.mimeType === "image/png" ? "png" : "jpg";
      out.push({ filename: `logo.${ext}`, content: logo.content, contentType: logo.mimeType, cid: LOGO_CID });
    }
  }
  for (const spec of message.attachments) {
    if (spec.kind === "invoice_pdf") {
      const pdf = await renderInvoicePdf(ctx.db, ctx.workspaceId, spec.invoiceId);
      out.push({ filename: spec.filename, content: pdf.content, contentType: "application/pdf" });
    }
  }
  return out;
}
