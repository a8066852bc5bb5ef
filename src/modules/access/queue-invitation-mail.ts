import { eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { workspaces } from "../../db/schema/index.ts";
import { mailBrandingOf, mailSettingsOf, queueMail, renderInvitationMail } from "../mail/index.ts";

/**
 * The invitation goes by email, queued in the transaction that creates (or renews) the invite, so the mail
 * exists exactly when the invite does and always carries the link that works.
 */
export async function queueInvitationMail(
  tx: Tx,
  ctx: Ctx,
  invite: {
    memberId: string;
    email: string;
    name: string | undefined;
    role: { name: string };
    token: string;
    expiresAt: Date;
  },
) {
  const settings = mailSettingsOf(ctx);
  const branding = await mailBrandingOf(tx, ctx.actor.workspaceId);
  const [workspace] = await tx
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  const rendered = renderInvitationMail({
    branding,
    workspaceName: workspace?.name ?? branding.name,
    roleName: invite.role.name,
    acceptUrl: `${settings.publicUrl}/invite#${invite.token}`,
    expiresAt: invite.expiresAt,
  });
  await queueMail(tx, ctx.clock, {
    workspaceId: ctx.actor.workspaceId,
    from: settings.from,
    replyTo: branding.replyTo,
    to: [{ email: invite.email, name: invite.name ?? null }],
    ...rendered,
    relatedType: "member",
    relatedId: invite.memberId,
  });
}
