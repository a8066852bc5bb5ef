import { and, eq, ne } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { members, roles } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { assertCanGrant } from "./grants.ts";
import { getRoleOrThrow } from "./internal.ts";
import { duplicateName, isUniqueViolation } from "./role-names.ts";
import { UpdateRoleCommand } from "./schemas.ts";
import { normaliseScopes, requireScope } from "./scopes.ts";

/**
 * Admins may edit any role, presets included, except removing members:write from the Admin preset, and only
 * roles whose scopes they hold themselves.
 */
export async function updateRole(ctx: Ctx, input: UpdateRoleCommand) {
  const { id, ...parsed } = parseInput(UpdateRoleCommand, input);
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
