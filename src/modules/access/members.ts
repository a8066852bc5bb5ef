import { and, asc, eq, gt, ne } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { apiKeys, members, roles, users } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { decodeCursor, type PageQuery, toPage } from "../../lib/pagination.ts";
import { randomSecret, sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { getMemberOrThrow, getRoleOrThrow } from "./internal.ts";
import { ChangeMemberRoleInput, type InviteMemberInput, InviteMemberInput as InviteSchema } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

const memberColumns = {
  id: members.id,
  userId: members.userId,
  email: users.email,
  name: users.name,
  roleId: members.roleId,
  roleName: roles.name,
  status: members.status,
  createdAt: members.createdAt,
};

export async function listMembers(ctx: Ctx, page: PageQuery) {
  requireScope(ctx.actor.scopes, "members:read");
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(and(eq(members.workspaceId, ctx.actor.workspaceId), after ? gt(members.id, after) : undefined))
    .orderBy(asc(members.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit);
}

export async function getMember(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(and(eq(members.workspaceId, ctx.actor.workspaceId), eq(members.id, id)));
  if (!row) {
    throw new AppError("not_found", `No member with id ${id} in this workspace.`);
  }
  return row;
}

/** Invites by email; the invite token is returned once so an admin can share the link (mail sends it later). */
export async function inviteMember(ctx: Ctx, input: InviteMemberInput) {
  const parsed = parseInput(InviteSchema, input);
  requireScope(ctx.actor.scopes, "members:write");
  const token = randomSecret(24);
  const memberId = await withTransaction(ctx, async (tx) => {
    await getRoleOrThrow(tx, ctx.actor.workspaceId, parsed.role_id);
    const [existing] = await tx.select().from(users).where(eq(users.email, parsed.email));
    const userId = existing?.id ?? newId("user", ctx.clock.now());
    if (!existing) {
      await tx.insert(users).values({ id: userId, email: parsed.email, name: parsed.name ?? "" });
    }
    const [already] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.workspaceId, ctx.actor.workspaceId), eq(members.userId, userId)));
    if (already) {
      throw new AppError("conflict", `${parsed.email} is already a member of this workspace.`, {
        issues: [{ field: "email", message: "already a member" }],
      });
    }
    const id = newId("member", ctx.clock.now());
    await tx.insert(members).values({
      id,
      workspaceId: ctx.actor.workspaceId,
      userId,
      roleId: parsed.role_id,
      status: existing?.passwordHash ? "active" : "invited",
      inviteTokenHash: existing?.passwordHash ? null : sha256(token),
    });
    return id;
  });
  const member = await getMember(ctx, memberId);
  return { ...member, inviteToken: member.status === "invited" ? token : null };
}

/** Refuses any change that would leave the workspace without an active member holding members:write. */
async function assertAnotherAdminRemains(tx: Tx, workspaceId: string, exceptMemberId: string): Promise<void> {
  const admins = await tx
    .select({ scopes: roles.scopes })
    .from(members)
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(and(eq(members.workspaceId, workspaceId), ne(members.id, exceptMemberId), eq(members.status, "active")));
  if (!admins.some((a) => a.scopes.includes("members:write"))) {
    throw new AppError("conflict", "This would leave the workspace without an admin.", {
      fix: "Give another active member a role with members:write first.",
    });
  }
}

export async function changeMemberRole(ctx: Ctx, id: string, input: { role_id: string }) {
  const parsed = parseInput(ChangeMemberRoleInput, input);
  requireScope(ctx.actor.scopes, "members:write");
  await withTransaction(ctx, async (tx) => {
    const member = await getMemberOrThrow(tx, ctx.actor.workspaceId, id);
    const role = await getRoleOrThrow(tx, ctx.actor.workspaceId, parsed.role_id);
    if (!role.scopes.includes("members:write")) {
      await assertAnotherAdminRemains(tx, ctx.actor.workspaceId, member.id);
    }
    await tx.update(members).set({ roleId: role.id, updatedAt: ctx.clock.now() }).where(eq(members.id, id));
  });
  return getMember(ctx, id);
}

/** Removing a member also revokes the API keys they created. */
export async function removeMember(ctx: Ctx, id: string) {
  requireScope(ctx.actor.scopes, "members:write");
  await withTransaction(ctx, async (tx) => {
    const member = await getMemberOrThrow(tx, ctx.actor.workspaceId, id);
    await assertAnotherAdminRemains(tx, ctx.actor.workspaceId, member.id);
    await tx
      .update(apiKeys)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(apiKeys.workspaceId, ctx.actor.workspaceId), eq(apiKeys.createdByUserId, member.userId)));
    await tx.delete(members).where(eq(members.id, id));
  });
}
