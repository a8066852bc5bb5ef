import type { Tx } from "../../db/client.ts";
import { type MailAddress, type MailAttachment, mailMessages } from "../../db/schema/index.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import type { Clock } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";

export const MAIL_DELIVER_JOB = "mail.deliver";
/** Delivery attempts before a message that keeps meeting temporary failures is marked failed. */
export const MAIL_MAX_ATTEMPTS = 6;

export type QueuedMail = {
  workspaceId: string;
  from: string;
  replyTo: string | null;
  to: MailAddress[];
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
  relatedType: "invoice" | "member" | "opportunity";
  relatedId: string;
  dedupeKey?: string;
};

/**
 * Stores the rendered message and its delivery job in the caller's transaction, so a message exists exactly
 * when the change that caused it commits, and nothing is sent for a rolled-back one. A dedupe key already used
 * in the workspace stores nothing and returns null.
 */
export async function queueMail(tx: Tx, clock: Clock, mail: QueuedMail): Promise<string | null> {
  const now = clock.now();
  const id = newId("mailMessage", now);
  const [row] = await tx
    .insert(mailMessages)
    .values({
      id,
      workspaceId: mail.workspaceId,
      to: mail.to,
      from: mail.from,
      replyTo: mail.replyTo,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachments: mail.attachments ?? [],
      relatedType: mail.relatedType,
      relatedId: mail.relatedId,
      dedupeKey: mail.dedupeKey ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: mailMessages.id });
  if (!row) return null;
  await enqueue(
    tx,
    MAIL_DELIVER_JOB,
    { messageId: id },
    { workspaceId: mail.workspaceId, dedupeKey: `mail:${id}`, maxAttempts: MAIL_MAX_ATTEMPTS },
  );
  return id;
}
