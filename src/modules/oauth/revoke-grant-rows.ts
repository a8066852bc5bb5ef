import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { oauthGrants, oauthTokens } from "../../db/schema/index.ts";

/** Ends a grant and every token issued under it; returns whether it was still active. */
export async function revokeGrantRows(tx: DbOrTx, grantId: string, now: Date): Promise<boolean> {
  const ended = await tx
    .update(oauthGrants)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(oauthGrants.id, grantId), isNull(oauthGrants.revokedAt)))
    .returning({ id: oauthGrants.id });
  await tx
    .update(oauthTokens)
    .set({ revokedAt: now })
    .where(and(eq(oauthTokens.grantId, grantId), isNull(oauthTokens.revokedAt)));
  return ended.length > 0;
}
