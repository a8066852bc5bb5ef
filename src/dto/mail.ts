import { z } from "@hono/zod-openapi";
import type { MailDetailRow, MailSummaryRow } from "../modules/mail/index.ts";

const AddressSchema = z.object({ email: z.string(), name: z.string().nullable() });

export const MailMessageSchema = z
  .object({
    id: z.string(),
    to: z.array(AddressSchema),
    from: z.string(),
    subject: z.string(),
    state: z.enum(["queued", "sent", "failed"]),
    transport: z.enum(["smtp", "outbox"]).nullable().openapi({
      description: "smtp: handed to SMTP_URL's server; outbox: kept in the app (no SMTP_URL). Null until delivered.",
    }),
    attempts: z.number().int(),
    smtp_response: z.string().nullable().openapi({ description: "The server's last reply, e.g. 550 5.1.1 …" }),
    related_type: z.string().nullable(),
    related_id: z.string().nullable(),
    attachments: z.array(z.object({ kind: z.string(), filename: z.string() })),
    sent_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("MailMessage");

export const MailMessageDetailSchema = MailMessageSchema.extend({
  reply_to: z.string().nullable(),
  html: z.string(),
  text: z.string(),
  preview_html: z.string().openapi({
    description: "The HTML with the inline logo as a data: URI, for showing in a sandboxed frame.",
  }),
}).openapi("MailMessageDetail");

export function toMailMessageDto(row: MailSummaryRow): z.infer<typeof MailMessageSchema> {
  return {
    id: row.id,
    to: row.to,
    from: row.from,
    subject: row.subject,
    state: row.state,
    transport: row.transport === "smtp" || row.transport === "outbox" ? row.transport : null,
    attempts: row.attempts,
    smtp_response: row.smtpResponse,
    related_type: row.relatedType,
    related_id: row.relatedId,
    attachments: row.attachments.map((a) => ({ kind: a.kind, filename: a.filename })),
    sent_at: row.sentAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toMailMessageDetailDto(row: MailDetailRow): z.infer<typeof MailMessageDetailSchema> {
  return {
    ...toMailMessageDto(row),
    reply_to: row.replyTo,
    html: row.html,
    text: row.text,
    preview_html: row.previewHtml,
  };
}
