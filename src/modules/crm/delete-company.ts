import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { companies } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { requireScope } from "../access/index.ts";
import { getCompanyOrThrow, isForeignKeyViolation } from "./internal.ts";

/** Its contacts stay (unlinked); a company that still has opportunities cannot be deleted. */
export async function deleteCompany(ctx: Ctx, id: string): Promise<void> {
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
