import type { Ctx } from "../../context.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "./fields.ts";
import { getCompanyOrThrow } from "./internal.ts";

export async function getCompany(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "companies:read");
  return getCompanyOrThrow(ctx.db, ctx.actor.workspaceId, id);
}
