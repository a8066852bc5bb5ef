import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { apiKeys, members, roles, users } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { decodeCursor, type PageQuery, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { assertCanGrant, assertNotSelf } from "./grants.ts";
import { getMemberOrThrow, getRoleOrThrow } from "./internal.ts";
import { ChangeMemberRoleInput } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

const memberColumns = {
  id: members.id,
  userId: members.userId,
  email: users.email,
  // An invitee who already has an account elsewhere keeps their name to themselves until they accept.
  name: sql<string>`case when ${members.status} = 'invited' and ${users.passwordHash} is not null then '' else ${users.name} end`,
  roleId: members.roleId,
  roleName: roles.name,
  status: members.status,
  inviteExpiresAt: members.inviteExpiresAt,
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
    assertNotSelf(ctx.actor, member.userId, "change the role of");
    const current = await getRoleOrThrow(tx, ctx.actor.workspaceId, member.roleId);
    const role = await getRoleOrThrow(tx, ctx.actor.workspaceId, parsed.role_id);
    // Neither the role they hold now nor the one they get may exceed the caller's own scopes.
    assertCanGrant(ctx.actor, current.scopes, "id", "change the role of a member");
    assertCanGrant(ctx.actor, role.scopes, "role_id", "give a member a role");
    if (!role.scopes.includes("members:write")) {
      await assertAnotherAdminRemains(tx, ctx.actor.workspaceId, member.id);
    }
    await tx.update(members).set({ roleId: role.id, updatedAt: ctx.clock.now() }).where(eq(members.id, id));
    await bumpAccessVersion(tx, ctx.actor.workspaceId);
    await recordAudit(tx, ctx, {
      action: "member.role_changed",
      targetType: "member",
      targetId: id,
      details: { role: role.name, previous_role: current.name },
    });
  });
  return getMember(ctx, id);
}

/** Removing a member also revokes the API keys they created. */
export async function removeMember(ctx: Ctx, id: string) {
  requireScope(ctx.actor.scopes, "members:write");
  await withTransaction(ctx, async (tx) => {
    const member = await getMemberOrThrow(tx, ctx.actor.workspaceId, id);
    const role = await getRoleOrThrow(tx, ctx.actor.workspaceId, member.roleId);
    assertCanGrant(ctx.actor, role.scopes, "id", "remove a member");
    await assertAnotherAdminRemains(tx, ctx.actor.workspaceId, member.id);
    await tx
      .update(apiKeys)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(apiKeys.workspaceId, ctx.actor.workspaceId), eq(apiKeys.createdByUserId, member.userId)));
    await tx.delete(members).where(eq(members.id, id));
    await bumpAccessVersion(tx, ctx.actor.workspaceId);
    await recordAudit(tx, ctx, {
      action: "member.removed",
      targetType: "member",
      targetId: id,
      details: { role: role.name },
    });
  });
}
