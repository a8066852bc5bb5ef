import { and, asc, count, eq, ne } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { members, roles } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { assertCanGrant } from "./grants.ts";
import { getRoleOrThrow } from "./internal.ts";
import { CreateRoleInput, UpdateRoleInput } from "./schemas.ts";
import { normaliseScopes, requireScope } from "./scopes.ts";

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
}

function duplicateName(name: string): AppError {
  return new AppError("conflict", `A role named "${name}" already exists.`, {
    issues: [{ field: "name", message: "already used by another role" }],
  });
}

export async function listRoles(ctx: Ctx) {
  requireScope(ctx.actor.scopes, "members:read");
  return ctx.db.select().from(roles).where(eq(roles.workspaceId, ctx.actor.workspaceId)).orderBy(asc(roles.id));
}

export async function createRole(ctx: Ctx, input: CreateRoleInput) {
  const parsed = parseInput(CreateRoleInput, input);
  requireScope(ctx.actor.scopes, "members:write");
  const scopes = normaliseScopes(parsed.scopes);
  assertCanGrant(ctx.actor, scopes, "scopes", "create a role");
  try {
    return await withTransaction(ctx, async (tx) => {
      const [row] = await tx
        .insert(roles)
        .values({ id: newId("role", ctx.clock.now()), workspaceId: ctx.actor.workspaceId, name: parsed.name, scopes })
        .returning();
      if (!row) {
        throw new AppError("internal", "The role was not stored.");
      }
      await recordAudit(tx, ctx, {
        action: "role.created",
        targetType: "role",
        targetId: row.id,
        details: { name: row.name, scopes },
      });
      return row;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateName(parsed.name) : error;
  }
}

/**
 * Admins may edit any role, presets included, except removing members:write from the Admin preset, and only
 * roles whose scopes they hold themselves.
 */
export async function updateRole(ctx: Ctx, id: string, input: UpdateRoleInput) {
  const parsed = parseInput(UpdateRoleInput, input);
  requireScope(ctx.actor.scopes, "members:write");
  return withTransaction(ctx, async (tx) => {
    const role = await getRoleOrThrow(tx, ctx.actor.workspaceId, id);
    const scopes = parsed.scopes ? normaliseScopes(parsed.scopes) : role.scopes;
    // Both what the role grants now and what it will grant must be within the caller's own scopes: a lesser
    // admin can neither widen a role nor strip one that holds more than they do.
    assertCanGrant(ctx.actor, [...new Set([...role.scopes, ...scopes])], "scopes", "edit a role");
    if (role.scopes.includes("members:write") && !scopes.includes("members:write")) {
      await assertAdminOutsideRole(tx, ctx.actor.workspaceId, role.id);
    }
    if (role.preset === "admin" && !scopes.includes("members:write")) {
      throw new AppError("conflict", "The Admin role must keep members:write, or nobody could manage access.", {
        issues: [{ field: "scopes", message: "Admin must keep members:write" }],
      });
    }
    try {
      const [row] = await tx
        .update(roles)
        .set({ name: parsed.name ?? role.name, scopes, updatedAt: ctx.clock.now() })
        .where(eq(roles.id, id))
        .returning();
      await bumpAccessVersion(tx, ctx.actor.workspaceId);
      await recordAudit(tx, ctx, {
        action: "role.updated",
        targetType: "role",
        targetId: id,
        details: { name: row?.name ?? role.name, scopes, previous_scopes: role.scopes },
      });
      return row ?? role;
    } catch (error) {
      throw isUniqueViolation(error) ? duplicateName(parsed.name ?? role.name) : error;
    }
  });
}

/** Taking members:write from a role must leave an active member with it through another role. */
async function assertAdminOutsideRole(tx: Tx, workspaceId: string, roleId: string): Promise<void> {
  const others = await tx
    .select({ scopes: roles.scopes })
    .from(members)
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(and(eq(members.workspaceId, workspaceId), ne(members.roleId, roleId), eq(members.status, "active")));
  if (!others.some((r) => r.scopes.includes("members:write"))) {
    throw new AppError("conflict", "This would leave the workspace without an admin.", {
      issues: [{ field: "scopes", message: "the last admins hold this role" }],
      fix: "Give another active member a role with members:write first.",
    });
  }
}

export async function deleteRole(ctx: Ctx, id: string) {
  requireScope(ctx.actor.scopes, "members:write");
  await withTransaction(ctx, async (tx) => {
    const role = await getRoleOrThrow(tx, ctx.actor.workspaceId, id);
    if (role.preset) {
      throw new AppError("conflict", `The ${role.name} preset cannot be deleted; edit its scopes instead.`);
    }
    assertCanGrant(ctx.actor, role.scopes, "id", "delete a role");
    const [held] = await tx
      .select({ n: count() })
      .from(members)
      .where(and(eq(members.workspaceId, ctx.actor.workspaceId), eq(members.roleId, id)));
    if ((held?.n ?? 0) > 0) {
      throw new AppError("conflict", `${held?.n} member(s) hold the role "${role.name}".`, {
        fix: "Move those members to another role first (Settings → Members).",
      });
    }
    await tx.delete(roles).where(eq(roles.id, id));
    await bumpAccessVersion(tx, ctx.actor.workspaceId);
    await recordAudit(tx, ctx, {
      action: "role.deleted",
      targetType: "role",
      targetId: id,
      details: { name: role.name },
    });
  });
}
