import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { members, sessions } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { SwitchWorkspaceInput } from "./schemas.ts";

/**
 * Moves a signed-in session to another workspace the person is an active member of. Anything else, including
 * another person's workspace or a pending invite, is 404 like every record outside the caller's reach.
 */
export async function switchWorkspace(ctx: Ctx, sessionId: string | undefined, input: unknown) {
  const parsed = parseInput(SwitchWorkspaceInput, input);
  if (ctx.actor.kind !== "member" || !sessionId) {
    throw new AppError("forbidden", "Only a signed-in person can switch workspaces; an API key belongs to one.");
  }
  const { userId, workspaceId: from } = ctx.actor;
  await withTransaction(ctx, async (tx) => {
    const [membership] = await tx
      .select({ id: members.id })
      .from(members)
      .where(
        and(eq(members.workspaceId, parsed.workspace_id), eq(members.userId, userId), eq(members.status, "active")),
      );
    if (!membership) {
      throw new AppError("not_found", `No workspace with id ${parsed.workspace_id} among yours.`, {
        issues: [{ field: "workspace_id", message: "not one of your workspaces" }],
      });
    }
    await tx
      .update(sessions)
      .set({ workspaceId: parsed.workspace_id, updatedAt: ctx.clock.now() })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
    const moved = { ...ctx, actor: { ...ctx.actor, workspaceId: parsed.workspace_id } };
    await recordAudit(tx, moved, { action: "session.switch_workspace", details: { from_workspace_id: from } });
  });
  return { workspace_id: parsed.workspace_id };
}
