import { and, eq, isNull } from "drizzle-orm";
import { withTransaction } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { oauthTokens } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { sha256 } from "../../lib/secrets.ts";
import { revokeGrantRows } from "./revoke-grant-rows.ts";

/**
 * Token revocation (RFC 7009). A refresh token stands for the whole grant, so revoking it ends the grant; an
 * access token is ended alone. Unknown tokens are not an error (§2.2): the answer never says what existed.
 */
export async function revokeToken(deps: { db: DbOrTx; clock: Clock }, token: string): Promise<void> {
  const now = deps.clock.now();
  await withTransaction(deps, async (tx) => {
    const [row] = await tx
      .select()
      .from(oauthTokens)
      .where(eq(oauthTokens.tokenHash, sha256(token)));
    if (!row) return;
    if (row.kind === "refresh") {
      await revokeGrantRows(tx, row.grantId, now);
      return;
    }
    await tx
      .update(oauthTokens)
      .set({ revokedAt: now })
      .where(and(eq(oauthTokens.tokenHash, row.tokenHash), isNull(oauthTokens.revokedAt)));
  });
}
