import { and, asc, count, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { members, roles } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
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
  try {
    const [row] = await ctx.db
      .insert(roles)
      .values({ id: newId("role", ctx.clock.now()), workspaceId: ctx.actor.workspaceId, name: parsed.name, scopes })
      .returning();
    if (!row) {
      throw new AppError("internal", "The role was not stored.");
    }
    return row;
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateName(parsed.name) : error;
  }
}

/** Admins may edit any role, presets included, except removing members:write from the Admin preset. */
export async function updateRole(ctx: Ctx, id: string, input: UpdateRoleInput) {
  const parsed = parseInput(UpdateRoleInput, input);
  requireScope(ctx.actor.scopes, "members:write");
  return withTransaction(ctx, async (tx) => {
    const role = await getRoleOrThrow(tx, ctx.actor.workspaceId, id);
    const scopes = parsed.scopes ? normaliseScopes(parsed.scopes) : role.scopes;
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
      return row ?? role;
    } catch (error) {
      throw isUniqueViolation(error) ? duplicateName(parsed.name ?? role.name) : error;
    }
  });
}

export async function deleteRole(ctx: Ctx, id: string) {
  requireScope(ctx.actor.scopes, "members:write");
  await withTransaction(ctx, async (tx) => {
    const role = await getRoleOrThrow(tx, ctx.actor.workspaceId, id);
    if (role.preset) {
      throw new AppError("conflict", `The ${role.name} preset cannot be deleted; edit its scopes instead.`);
    }
    const [held] = await tx
      .select({ n: count() })
      .from(members)
      .where(and(eq(members.roleId, id)));
    if ((held?.n ?? 0) > 0) {
      throw new AppError("conflict", `${held?.n} member(s) hold the role "${role.name}".`, {
        fix: "Move those members to another role first (Settings → Members).",
      });
    }
    await tx.delete(roles).where(eq(roles.id, id));
  });
}
