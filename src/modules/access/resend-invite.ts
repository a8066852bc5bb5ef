import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { members, users } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { randomSecret, sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { assertCanGrant } from "./grants.ts";
import { getMemberOrThrow, getRoleOrThrow } from "./internal.ts";
import { inviteExpiry } from "./invite-expiry.ts";
import { readMemberView } from "./member-view.ts";
import { queueInvitationMail } from "./queue-invitation-mail.ts";
import { ResendInviteCommand } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

/** A fresh link for a pending invite (the old one stops working), e.g. after it expired, emailed again. */
export async function resendInvite(ctx: Ctx, input: ResendInviteCommand) {
  const { id, ...parsed } = parseInput(ResendInviteCommand, input);
  requireScope(ctx.actor.scopes, "members:write");
  const token = randomSecret(24);
  await withTransaction(ctx, async (tx) => {
    const member = await getMemberOrThrow(tx, ctx.actor.workspaceId, id);
    if (member.status !== "invited") {
      throw new AppError("conflict", "This member has already accepted their invite.");
    }
    const role = await getRoleOrThrow(tx, ctx.actor.workspaceId, member.roleId);
    assertCanGrant(ctx.actor, role.scopes, "id", "invite someone");
    const expiresAt = inviteExpiry(ctx, parsed.expires_in_days);
    await tx
      .update(members)
      .set({ inviteTokenHash: sha256(token), inviteExpiresAt: expiresAt, updatedAt: ctx.clock.now() })
      .where(eq(members.id, id));
    const [invitee] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, member.userId));
    if (invitee) {
      await queueInvitationMail(tx, ctx, {
        memberId: id,
        email: invitee.email,
        name: invitee.name || undefined,
        role,
        token,
        expiresAt,
      });
    }
    await recordAudit(tx, ctx, {
      action: "member.invited",
      targetType: "member",
      targetId: id,
      details: { resent: true },
    });
  });
  return { ...(await readMemberView(ctx.db, ctx.actor.workspaceId, id)), inviteToken: token };
}
