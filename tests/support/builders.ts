import type { Actor } from "../../src/context.ts";
import type { Database } from "../../src/db/client.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { createApiKey, createWorkspace, SCOPES, type Scope } from "../../src/modules/access/index.ts";

let counter = 0;
export const ADMIN_PASSWORD = "correct horse battery";

/** A workspace with its admin and full-access key (`apiKey`), plus a system ctx for calling verbs directly. */
export async function seedWorkspace(database: Database, name = "Test workspace") {
  counter += 1;
  const adminEmail = `admin${counter}-${Date.now()}@example.test`;
  const created = await createWorkspace(
    { db: database.db, clock: systemClock },
    { name, admin_email: adminEmail, admin_password: ADMIN_PASSWORD },
  );
  const actor: Actor = { kind: "system", workspaceId: created.workspaceId, scopes: new Set(SCOPES) };
  const ctx = { db: database.db, clock: systemClock, actor };
  return { ...created, ctx, adminEmail };
}

/** An API key holding exactly `scopes`, created by the workspace's admin. */
export async function keyWithScopes(
  database: Database,
  workspace: Awaited<ReturnType<typeof seedWorkspace>>,
  scopes: Scope[],
) {
  const actor: Actor = {
    kind: "member",
    workspaceId: workspace.workspaceId,
    userId: workspace.userId,
    memberId: workspace.memberId,
    scopes: new Set(SCOPES),
  };
  const key = await createApiKey(
    { db: database.db, clock: systemClock, actor },
    { name: `key with ${scopes.length} scopes`, scopes },
  );
  return key.key;
}
