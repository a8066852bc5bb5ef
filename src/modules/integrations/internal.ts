import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { xeroConnections } from "../../db/schema/integrations.ts";
import type { AccountingProvider, TokenSet } from "../../integrations/accounting/port.ts";
import { AppError } from "../../lib/errors.ts";
import type { SecretBox } from "../../lib/secret-box.ts";

export type XeroConnectionRow = typeof xeroConnections.$inferSelect;

export const RECONNECT_FIX = "Reconnect Xero under Settings → Integrations.";

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

/** A connection Xero refused stays until the member reconnects; every Xero action says so, with the fix. */
export function assertConnectionActive(row: XeroConnectionRow): void {
  if (row.status === "needs_reconnect") {
    throw new AppError(
      "precondition_failed",
      `Xero refused Settle's connection: ${row.statusReason ?? "reconnect it."}`,
      {
        fix: RECONNECT_FIX,
        details: { xero_connection: "needs_reconnect" },
      },
    );
  }
}

export function connectionWhere(row: XeroConnectionRow) {
  return and(eq(xeroConnections.workspaceId, row.workspaceId), eq(xeroConnections.id, row.id));
}

/** Tokens are sealed with their workspace and column as context, so a copied value opens nowhere else. */
export function sealTokens(box: SecretBox, workspaceId: string, tokens: TokenSet) {
  return {
    accessToken: box.seal(tokens.accessToken, `${workspaceId}:xero:access`),
    refreshToken: box.seal(tokens.refreshToken, `${workspaceId}:xero:refresh`),
    expiresAt: tokens.expiresAt,
  };
}

export function openTokens(
  box: SecretBox,
  row: { workspaceId: string; accessToken: string; refreshToken: string; expiresAt: Date },
): TokenSet {
  return {
    accessToken: box.open(row.accessToken, `${row.workspaceId}:xero:access`),
    refreshToken: box.open(row.refreshToken, `${row.workspaceId}:xero:refresh`),
    expiresAt: row.expiresAt,
  };
}
