import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { xeroConnections } from "../../db/schema/integrations.ts";
import type { AccountingProvider } from "../../integrations/accounting/port.ts";
import { AppError } from "../../lib/errors.ts";

export type XeroConnectionRow = typeof xeroConnections.$inferSelect;

export function requireAccounting(ctx: Ctx): AccountingProvider {
  if (!ctx.accounting) {
    throw new AppError("precondition_failed", "Xero is not configured on this server.", {
      fix: "Set XERO_CLIENT_ID and XERO_CLIENT_SECRET (a Xero app's credentials), or SETTLE_SANDBOXES=1 to use the local Xero sandbox.",
    });
  }
  return ctx.accounting;
}

export async function findXeroConnection(db: DbOrTx, workspaceId: string): Promise<XeroConnectionRow | undefined> {
  const [row] = await db.select().from(xeroConnections).where(eq(xeroConnections.workspaceId, workspaceId));
  return row;
}

export async function getXeroConnectionOrThrow(db: DbOrTx, workspaceId: string): Promise<XeroConnectionRow> {
  const row = await findXeroConnection(db, workspaceId);
  if (!row) {
    throw new AppError("precondition_failed", "Xero is not connected to this workspace.", {
      fix: "Connect Xero under Settings → Integrations.",
    });
  }
  return row;
}

export function connectionWhere(row: XeroConnectionRow) {
  return and(eq(xeroConnections.workspaceId, row.workspaceId), eq(xeroConnections.id, row.id));
}
