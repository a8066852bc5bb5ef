import { type Ctx, withTransaction } from "../../context.ts";
import { apiKeys } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { mintApiKeySecret } from "./api-key-secret.ts";
import { grantableScopes } from "./grantable-scopes.ts";
import { CreateApiKeyInput } from "./schemas.ts";
import { requireScope } from "./scopes.ts";

export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput) {
  const parsed = parseInput(CreateApiKeyInput, input);
  requireScope(ctx.actor.scopes, "api_keys:write");
  const scopes = grantableScopes(ctx, parsed.scopes);
  const secret = mintApiKeySecret();
  const createdBy = ctx.actor.kind === "system" ? null : ctx.actor.userId;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        id: newId("apiKey", ctx.clock.now()),
        workspaceId: ctx.actor.workspaceId,
        createdByUserId: createdBy,
        name: parsed.name,
        keyPrefix: secret.prefix,
        keyHash: secret.hash,
        scopes,
      })
      .returning();
    if (!row) {
      throw new AppError("internal", "The key was not stored.");
    }
    await recordAudit(tx, ctx, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: row.id,
      details: { name: row.name, scopes },
    });
    return { ...row, key: secret.key };
  });
}
