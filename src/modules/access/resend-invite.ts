import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { members } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { randomSecret, sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { assertCanGrant } from "./grants.ts";
import { getMemberOrThrow, getRoleOrThrow } from "./internal.ts";
import { inviteExpiry } from "./invite-expiry.ts";
import { readMemberView } from "./member-view.ts";
import { ResendInviteCommand } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

/** A fresh link for a pending invite (the old one stops working), e.g. after it expired. */
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
    await tx
      .update(members)
      .set({
        inviteTokenHash: sha256(token),
        inviteExpiresAt: inviteExpiry(ctx, parsed.expires_in_days),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(members.id, id));
    await recordAudit(tx, ctx, {
      action: "member.invited",
      targetType: "member",
      targetId: id,
      details: { resent: true },
    });
  });
  return { ...(await readMemberView(ctx.db, ctx.actor.workspaceId, id)), inviteToken: token };
}
