import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { members, users } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { randomSecret, sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { assertCanGrant } from "./grants.ts";
import { getRoleOrThrow } from "./internal.ts";
import { inviteExpiry } from "./invite-expiry.ts";
import { readMemberView } from "./member-view.ts";
import { queueInvitationMail } from "./queue-invitation-mail.ts";
import { InviteMemberInput } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

/**
 * Invites by email. Every invite, for a new or an existing account, is pending until the invitee accepts it
 * with the link; the answer is the same either way, so inviting reveals nothing about other people's
 * accounts. The token is returned once so an admin can share the link.
 */
export async function inviteMember(ctx: Ctx, input: InviteMemberInput) {
  const parsed = parseInput(InviteMemberInput, input);
  requireScope(ctx.actor.scopes, "members:write");
  const token = randomSecret(24);
  const memberId = await withTransaction(ctx, async (tx) => {
    const role = await getRoleOrThrow(tx, ctx.actor.workspaceId, parsed.role_id);
    assertCanGrant(ctx.actor, role.scopes, "role_id", "invite someone");
    const userId = await findOrCreateUser(tx, ctx, parsed.email, parsed.name);
    const [already] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.workspaceId, ctx.actor.workspaceId), eq(members.userId, userId)));
    if (already) {
      throw new AppError("conflict", `${parsed.email} is already a member of this workspace (or invited).`, {
        issues: [{ field: "email", message: "already a member or invited" }],
        fix: "Resend the pending invite from Settings → Members instead.",
      });
    }
    const id = newId("member", ctx.clock.now());
    const expiresAt = inviteExpiry(ctx, parsed.expires_in_days);
    await tx.insert(members).values({
      id,
      workspaceId: ctx.actor.workspaceId,
      userId,
      roleId: role.id,
      status: "invited",
      inviteTokenHash: sha256(token),
      inviteExpiresAt: expiresAt,
    });
    await bumpAccessVersion(tx, ctx.actor.workspaceId);
    await recordAudit(tx, ctx, {
      action: "member.invited",
      targetType: "member",
      targetId: id,
      details: { email: parsed.email, role: role.name },
    });
    await queueInvitationMail(tx, ctx, {
      memberId: id,
      email: parsed.email,
      name: parsed.name,
      role,
      token,
      expiresAt,
    });
    return id;
  });
  return { ...(await readMemberView(ctx.db, ctx.actor.workspaceId, memberId)), inviteToken: token };
}

async function findOrCreateUser(tx: Tx, ctx: Ctx, email: string, name: string | undefined): Promise<string> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) {
    return existing.id;
  }
  const id = newId("user", ctx.clock.now());
  await tx.insert(users).values({ id, email, name: name ?? "" });
  return id;
}
