import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { apiKeys, members } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { assertCanGrant } from "./grants.ts";
import { assertAnotherAdminRemains, getMemberOrThrow, getRoleOrThrow } from "./internal.ts";
import { RecordRef } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

/** Removing a member also revokes the API keys they created. */
export async function removeMember(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
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
