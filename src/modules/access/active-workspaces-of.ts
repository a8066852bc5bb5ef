import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { members, workspaces } from "../../db/schema/index.ts";

export type WorkspaceChoice = { id: string; name: string };

/** The workspaces a person may act in: only memberships they have accepted. */
export async function activeWorkspacesOf(db: DbOrTx, userId: string): Promise<WorkspaceChoice[]> {
  return db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(and(eq(members.userId, userId), eq(members.status, "active")))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
}
