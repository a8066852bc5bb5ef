import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { MAIL_STATES, mailMessages } from "../../db/schema/index.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { mailVisibility } from "./mail-visibility.ts";

export const ListMailInput = z.strictObject({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  related_id: RecordId.optional(),
  state: z.enum(MAIL_STATES).optional(),
});
export type ListMailInput = z.input<typeof ListMailInput>;

/** The mail log, newest first, without the rendered bodies. */
export async function listMail(ctx: Ctx, input: ListMailInput) {
  const parsed = parseInput(ListMailInput, input);
  const visible = mailVisibility(ctx.actor);
  const before = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select({
      id: mailMessages.id,
      to: mailMessages.to,
      from: mailMessages.from,
      subject: mailMessages.subject,
      state: mailMessages.state,
      transport: mailMessages.transport,
      attempts: mailMessages.attempts,
      smtpResponse: mailMessages.smtpResponse,
      relatedType: mailMessages.relatedType,
      relatedId: mailMessages.relatedId,
      attachments: mailMessages.attachments,
      sentAt: mailMessages.sentAt,
      createdAt: mailMessages.createdAt,
      updatedAt: mailMessages.updatedAt,
    })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.workspaceId, ctx.actor.workspaceId),
        visible,
        parsed.related_id ? eq(mailMessages.relatedId, parsed.related_id) : undefined,
        parsed.state ? eq(mailMessages.state, parsed.state) : undefined,
        before ? lt(mailMessages.id, before) : undefined,
      ),
    )
    .orderBy(desc(mailMessages.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}

export type MailSummaryRow = Awaited<ReturnType<typeof listMail>>["data"][number];
