import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { companies } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getCompanyOrThrow } from "./internal.ts";
import { UpdateCompanyCommand } from "./schemas.ts";

export async function updateCompany(ctx: Ctx, input: UpdateCompanyCommand) {
  const { id, archived, ...fields } = parseInput(UpdateCompanyCommand, input);
  requireScope(ctx.actor.scopes, "companies:write");
  return withTransaction(ctx, async (tx) => {
    const company = await getCompanyOrThrow(tx, ctx.actor.workspaceId, id);
    const [row] = await tx
      .update(companies)
      .set({
        ...fields,
        // Archiving again keeps the first date; restoring clears it.
        ...(archived === undefined ? {} : { archivedAt: archived ? (company.archivedAt ?? ctx.clock.now()) : null }),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(companies.id, company.id))
      .returning();
    return row ?? company;
  });
}
