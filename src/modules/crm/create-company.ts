import type { Ctx } from "../../context.ts";
import { companies } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { CreateCompanyInput } from "./schemas.ts";

export async function createCompany(ctx: Ctx, input: CreateCompanyInput) {
  const parsed = parseInput(CreateCompanyInput, input);
  requireScope(ctx.actor.scopes, "companies:write");
  const [row] = await ctx.db
    .insert(companies)
    .values({
      id: newId("company", ctx.clock.now()),
      workspaceId: ctx.actor.workspaceId,
      name: parsed.name,
      email: parsed.email ?? null,
      phone: parsed.phone ?? null,
      website: parsed.website ?? null,
    })
    .returning();
  if (!row) {
    throw new AppError("internal", "The company was not stored.");
  }
  return row;
}
