import { count, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { users, workspaces } from "../db/schema/index.ts";
import type { Clock } from "../lib/clock.ts";
import { acceptInvite, createWorkspace, inviteMember, listRoles, SCOPES } from "../modules/access/index.ts";
import {
  type DemoCredentials,
  generateDemoCredentials,
  readDemoCredentials,
  removeDemoCredentials,
  writeDemoCredentials,
} from "./demo-credentials.ts";
import { seedDemoCrm } from "./seed-demo-crm.ts";

type Deps = { db: Db; clock: Clock };

export type DemoSeed = { workspaceId: string; apiKey: string; credentials: DemoCredentials } | null;

async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(workspaces);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds one demo workspace on an empty database, its sign-ins being `credentials` (random ones unless
 * given); a database that has any workspace is left alone.
 */
export async function seedDemo(
  deps: Deps,
  credentials: DemoCredentials = generateDemoCredentials(),
): Promise<DemoSeed> {
  if (!(await isEmpty(deps.db))) {
    return null;
  }
  const { admin, editor, viewer } = credentials;
  const created = await createWorkspace(deps, {
    name: "Demo Agency",
    admin_email: admin.email,
    admin_password: admin.password,
    admin_name: "Demo Admin",
  });
  const actor = { kind: "system" as const, workspaceId: created.workspaceId, scopes: new Set(SCOPES) };
  const roles = await listRoles({ ...deps, actor });
  for (const [person, preset] of [
    [editor, "editor"],
    [viewer, "viewer"],
  ] as const) {
    const role = roles.find((r) => r.preset === preset);
    const invited = await inviteMember({ ...deps, actor }, { email: person.email, role_id: role?.id ?? "" });
    await acceptInvite(deps, { token: invited.inviteToken ?? "", password: person.password, name: `Demo ${preset}` });
  }
  await seedDemoCrm({ ...deps, workspaceId: created.workspaceId, adminUserId: created.userId });
  return { workspaceId: created.workspaceId, apiKey: created.apiKey, credentials };
}

/**
 * What `settle start` does about the demo: with `seed` on, an empty database gets the demo workspace, its
 * passwords generated once per data directory and written to DATA_DIR/demo-credentials.json before any
 * account uses them. Returns the sign-ins whenever this database holds the demo admin, so they are shown at
 * every start, not only the first.
 */
export async function prepareDemo(
  deps: Deps,
  options: { dataDir: string; seed: boolean },
): Promise<{ seeded: DemoSeed; credentials: DemoCredentials | null }> {
  const stored = readDemoCredentials(options.dataDir);
  if (options.seed && (await isEmpty(deps.db))) {
    const credentials = stored ?? generateDemoCredentials();
    if (!stored) {
      writeDemoCredentials(options.dataDir, credentials);
    }
    let seeded: DemoSeed;
    try {
      seeded = await seedDemo(deps, credentials);
    } catch (error) {
      // Another process seeded first (PostgreSQL) or seeding stopped halfway: these passwords may not be the
      // database's, so they must not be shown as its sign-ins.
      if (!stored) removeDemoCredentials(options.dataDir);
      throw error;
    }
    if (seeded) {
      return { seeded, credentials };
    }
    if (!stored) removeDemoCredentials(options.dataDir);
  }
  return { seeded: null, credentials: await ifSeeded(deps.db, stored) };
}

async function ifSeeded(db: Db, stored: DemoCredentials | null): Promise<DemoCredentials | null> {
  if (!stored) return null;
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, stored.admin.email)).limit(1);
  return admin ? stored : null;
}
