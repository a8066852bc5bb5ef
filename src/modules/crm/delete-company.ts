import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { companies } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "./fields.ts";
import { getCompanyOrThrow, isForeignKeyViolation } from "./internal.ts";

/** Its contacts stay (unlinked); a company that still has opportunities cannot be deleted. */
export async function deleteCompany(ctx: Ctx, input: RecordRef): Promise<void> {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "companies:write");
  try {
    await withTransaction(ctx, async (tx) => {
      const company = await getCompanyOrThrow(tx, ctx.actor.workspaceId, id);
      await tx.delete(companies).where(eq(companies.id, company.id));
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new AppError("conflict", "This company still has opportunities.", {
        fix: "Delete or move its opportunities to another company first.",
      });
    }
    throw error;
  }
}
