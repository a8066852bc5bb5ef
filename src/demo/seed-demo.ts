import { count } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { workspaces } from "../db/schema/index.ts";
import type { Clock } from "../lib/clock.ts";
import { acceptInvite, createWorkspace, inviteMember, listRoles, SCOPES } from "../modules/access/index.ts";
import { seedDemoCrm } from "./seed-demo-crm.ts";

export const DEMO_ADMIN = { email: "admin@demo.settle.test", password: "settle-demo-admin" };
export const DEMO_EDITOR = { email: "editor@demo.settle.test", password: "settle-demo-editor" };
export const DEMO_VIEWER = { email: "viewer@demo.settle.test", password: "settle-demo-viewer" };

export type DemoSeed = { workspaceId: string; apiKey: string } | null;

/** Seeds one demo workspace on an empty database; a database that has any workspace is left alone. */
export async function seedDemo(deps: { db: Db; clock: Clock }): Promise<DemoSeed> {
  const [row] = await deps.db.select({ n: count() }).from(workspaces);
  if ((row?.n ?? 0) > 0) {
    return null;
  }
  const created = await createWorkspace(deps, {
    name: "Demo Agency",
    admin_email: DEMO_ADMIN.email,
    admin_password: DEMO_ADMIN.password,
    admin_name: "Demo Admin",
  });
  const actor = { kind: "system" as const, workspaceId: created.workspaceId, scopes: new Set(SCOPES) };
  const roles = await listRoles({ ...deps, actor });
  for (const [person, preset] of [
    [DEMO_EDITOR, "editor"],
    [DEMO_VIEWER, "viewer"],
  ] as const) {
    const role = roles.find((r) => r.preset === preset);
    const invited = await inviteMember({ ...deps, actor }, { email: person.email, role_id: role?.id ?? "" });
    await acceptInvite(deps, { token: invited.inviteToken ?? "", password: person.password, name: `Demo ${preset}` });
  }
  await seedDemoCrm({ ...deps, workspaceId: created.workspaceId, adminUserId: created.userId });
  return { workspaceId: created.workspaceId, apiKey: created.apiKey };
}
