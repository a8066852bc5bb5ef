import type { Ctx } from "../../context.ts";
import { parseInput } from "../../lib/validation.ts";
import { readMemberView } from "./member-view.ts";
import { RecordRef } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

export async function getMember(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "members:read");
  return readMemberView(ctx.db, ctx.actor.workspaceId, id);
}
