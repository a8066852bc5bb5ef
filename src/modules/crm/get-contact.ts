import type { Ctx } from "../../context.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "./fields.ts";
import { getContactOrThrow } from "./internal.ts";

export async function getContact(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "contacts:read");
  return getContactOrThrow(ctx.db, ctx.actor.workspaceId, id);
}
