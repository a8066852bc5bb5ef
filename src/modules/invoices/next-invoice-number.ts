import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { invoiceSettings } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { getInvoiceSettings } from "./internal.ts";

/**
 * Takes the next number inside the creating transaction. The counter row stays locked until commit, so
 * concurrent creations queue behind each other, and a rolled-back creation gives its number back: no gaps.
 */
export async function nextInvoiceNumber(tx: Tx, workspaceId: string): Promise<string> {
  await getInvoiceSettings(tx, workspaceId);
  const [row] = await tx
    .update(invoiceSettings)
    .set({ nextNumber: sql`${invoiceSettings.nextNumber} + 1` })
    .where(eq(invoiceSettings.workspaceId, workspaceId))
    .returning({ taken: sql<number>`${invoiceSettings.nextNumber} - 1`, prefix: invoiceSettings.numberPrefix });
  if (!row) {
    throw new AppError("internal", "The invoice counter is missing.");
  }
  return `${row.prefix}${String(row.taken).padStart(4, "0")}`;
}
