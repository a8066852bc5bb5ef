import { and, count, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { members, roles } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { assertCanGrant } from "./grants.ts";
import { getRoleOrThrow } from "./internal.ts";
import { RecordRef } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

export async function deleteRole(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
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
