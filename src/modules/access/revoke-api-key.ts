import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { apiKeys } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { getApiKeyOrThrow } from "./internal.ts";
import { RecordRef } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

export async function revokeApiKey(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "api_keys:write");
  await withTransaction(ctx, async (tx) => {
    const key = await getApiKeyOrThrow(tx, ctx.actor.workspaceId, id);
    if (!key.revokedAt) {
      await tx.update(apiKeys).set({ revokedAt: ctx.clock.now() }).where(eq(apiKeys.id, id));
      await bumpAccessVersion(tx, ctx.actor.workspaceId);
      await recordAudit(tx, ctx, {
        action: "api_key.revoked",
        targetType: "api_key",
        targetId: id,
        details: { name: key.name },
      });
    }
  });
}
