import { eq } from "drizzle-orm";
import { withTransaction } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { apiKeys, members, roles, users, workspaces } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";
import { hashPassword } from "../../lib/password.ts";
import { parseInput } from "../../lib/validation.ts";
import { seedDefaultStages } from "../stages/default-stages.ts";
import { mintApiKeySecret } from "./api-key-secret.ts";
import { CreateWorkspaceInput } from "./schemas.ts";
import { PRESET_SCOPES } from "./scopes.ts";

export type CreatedWorkspace = {
  workspaceId: string;
  userId: string;
  memberId: string;
  apiKey: string;
  apiKeyId: string;
};

/**
 * Creates a workspace with the three preset roles, its first admin (an existing user keeps their password)
 * and a full-access API key whose scope list is expanded now, so it never gains scopes added later.
 */
export async function createWorkspace(
  deps: { db: DbOrTx; clock: Clock },
  input: CreateWorkspaceInput,
): Promise<CreatedWorkspace> {
  const parsed = parseInput(CreateWorkspaceInput, input);
  const passwordHash = await hashPassword(parsed.admin_password);
  const now = deps.clock.now();
  return withTransaction(deps, async (tx) => {
    const workspaceId = newId("workspace", now);
    await tx.insert(workspaces).values({ id: workspaceId, name: parsed.name });
    await seedDefaultStages(tx, workspaceId, now);
    const roleIds: Record<string, string> = {};
    for (const [preset, scopes] of Object.entries(PRESET_SCOPES)) {
      const id = newId("role", now);
      roleIds[preset] = id;
      const name = preset.charAt(0).toUpperCase() + preset.slice(1);
      await tx.insert(roles).values({ id, workspaceId, name, preset: preset as "admin", scopes });
    }
    const [existing] = await tx.select().from(users).where(eq(users.email, parsed.admin_email));
    const userId = existing?.id ?? newId("user", now);
    if (!existing) {
      await tx
        .insert(users)
        .values({ id: userId, email: parsed.admin_email, name: parsed.admin_name ?? "", passwordHash });
    }
    const memberId = newId("member", now);
    await tx
      .insert(members)
      .values({ id: memberId, workspaceId, userId, roleId: roleIds.admin ?? "", status: "active" });
    const secret = mintApiKeySecret();
    const apiKeyId = newId("apiKey", now);
    await tx.insert(apiKeys).values({
      id: apiKeyId,
      workspaceId,
      createdByUserId: userId,
      name: "Workspace setup key",
      keyPrefix: secret.prefix,
      keyHash: secret.hash,
      scopes: PRESET_SCOPES.admin,
    });
    return { workspaceId, userId, memberId, apiKey: secret.key, apiKeyId };
  });
}
