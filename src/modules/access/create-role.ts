import { type Ctx, withTransaction } from "../../context.ts";
import { roles } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { assertCanGrant } from "./grants.ts";
import { duplicateName, isUniqueViolation } from "./role-names.ts";
import { CreateRoleInput } from "./schemas.ts";
import { normaliseScopes, requireScope } from "./scopes.ts";

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
