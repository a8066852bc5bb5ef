import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { mailMessages } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { RecordRef } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { mailLogoOf } from "./branding-of.ts";
import { LOGO_CID } from "./layout.ts";
import { mailVisibility } from "./mail-visibility.ts";

/**
 * One message with its rendered HTML and text. `previewHtml` is the HTML with the inline logo as a data: URI,
 * for the Outbox's sandboxed frame (a browser cannot resolve cid: references). A message the caller may not
 * read is not found, like another workspace's.
 */
export async function getMail(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  const visible = mailVisibility(ctx.actor);
  const [row] = await ctx.db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.workspaceId, ctx.actor.workspaceId), eq(mailMessages.id, id), visible));
  if (!row) throw notFound("mail message", id);
  let previewHtml = row.html;
  if (row.html.includes(`cid:${LOGO_CID}`)) {
    const logo = await mailLogoOf(ctx.db, ctx.actor.workspaceId);
    const uri = logo ? `data:${logo.mimeType};base64,${logo.content.toString("base64")}` : "";
    previewHtml = row.html.replaceAll(`cid:${LOGO_CID}`, uri);
  }
  return { ...row, previewHtml };
}

export type MailDetailRow = Awaited<ReturnType<typeof getMail>>;
