import type { Ctx } from "../../context.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "./fields.ts";
import { getProductOrThrow } from "./internal.ts";

export async function getProduct(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "products:read");
  return getProductOrThrow(ctx.db, ctx.actor.workspaceId, id);
}
