import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { members } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { assertCanGrant, assertNotSelf } from "./grants.ts";
import { assertAnotherAdminRemains, getMemberOrThrow, getRoleOrThrow } from "./internal.ts";
import { readMemberView } from "./member-view.ts";
import { ChangeMemberRoleCommand } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

export async function changeMemberRole(ctx: Ctx, input: ChangeMemberRoleCommand) {
  const { id, ...parsed } = parseInput(ChangeMemberRoleCommand, input);
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
  return readMemberView(ctx.db, ctx.actor.workspaceId, id);
}
