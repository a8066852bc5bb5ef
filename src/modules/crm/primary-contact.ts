import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { contacts } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";

/**
 * Clears the primary mark of the company's other contacts, so the one being marked can take it (a partial
 * unique index keeps one per company even under concurrent writes).
 */
export async function releasePrimary(db: DbOrTx, workspaceId: string, companyId: string | null, keepId: string) {
  if (!companyId) {
    throw new AppError("invalid_input", "Only a contact of a company can be its primary contact.", {
      issues: [{ field: "is_primary", message: "set company_id as well, or leave is_primary false" }],
    });
  }
  await db
    .update(contacts)
    .set({ isPrimary: false })
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        eq(contacts.companyId, companyId),
        eq(contacts.isPrimary, true),
        ne(contacts.id, keepId),
      ),
    );
}
