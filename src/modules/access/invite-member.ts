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
import { getMemberOrThrow, getRoleOrThrow } from "./internal.ts";
import { getMember } from "./members.ts";
import { InviteMemberInput, ResendInviteInput } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

export const INVITE_TTL_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

function expiry(ctx: Ctx, days: number | undefined): Date {
  return new Date(ctx.clock.now().getTime() + (days ?? INVITE_TTL_DAYS) * DAY_MS);
}

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
    await tx.insert(members).values({
      id,
      workspaceId: ctx.actor.workspaceId,
      userId,
      roleId: role.id,
      status: "invited",
      inviteTokenHash: sha256(token),
      inviteExpiresAt: expiry(ctx, parsed.expires_in_days),
    });
    await bumpAccessVersion(tx, ctx.actor.workspaceId);
    await recordAudit(tx, ctx, {
      action: "member.invited",
      targetType: "member",
      targetId: id,
      details: { email: parsed.email, role: role.name },
    });
    return id;
  });
  return { ...(await getMember(ctx, memberId)), inviteToken: token };
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

/** A fresh link for a pending invite (the old one stops working), e.g. after it expired. */
export async function resendInvite(ctx: Ctx, id: string, input: unknown = {}) {
  const parsed = parseInput(ResendInviteInput, input);
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
        inviteExpiresAt: expiry(ctx, parsed.expires_in_days),
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
  return { ...(await getMember(ctx, id)), inviteToken: token };
}
