import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { apiKeys } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { grantableScopes } from "./grantable-scopes.ts";
import { getApiKeyOrThrow } from "./internal.ts";
import { UpdateApiKeyCommand } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

export async function updateApiKey(ctx: Ctx, input: UpdateApiKeyCommand) {
  const { id, ...parsed } = parseInput(UpdateApiKeyCommand, input);
  requireScope(ctx.actor.scopes, "api_keys:write");
  return withTransaction(ctx, async (tx) => {
    const key = await getApiKeyOrThrow(tx, ctx.actor.workspaceId, id);
    if (key.revokedAt) {
      throw new AppError("conflict", "This key is revoked; create a new one instead.");
    }
    const scopes = parsed.scopes ? grantableScopes(ctx, parsed.scopes) : key.scopes;
    const [row] = await tx
      .update(apiKeys)
      .set({ scopes, name: parsed.name ?? key.name, updatedAt: ctx.clock.now() })
      .where(eq(apiKeys.id, id))
      .returning();
    await bumpAccessVersion(tx, ctx.actor.workspaceId);
    await recordAudit(tx, ctx, {
      action: "api_key.updated",
      targetType: "api_key",
      targetId: id,
      details: { name: row?.name ?? key.name, scopes, previous_scopes: key.scopes },
    });
    return row ?? key;
  });
}
