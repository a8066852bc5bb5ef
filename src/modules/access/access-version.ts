import { eq, sql } from "drizzle-orm";
import { type DbOrTx, preparedQuery } from "../../db/client.ts";
import { workspaces } from "../../db/schema/index.ts";

/**
 * Every change to what an API key may do (revoking or editing a key, editing or deleting a role, changing,
 * inviting, admitting or removing a member) calls this in its own transaction. Processes that cached a key
 * compare the version on each request, so the change holds everywhere from the moment it commits.
 */
export async function bumpAccessVersion(tx: DbOrTx, workspaceId: string): Promise<void> {
  await tx
    .update(workspaces)
    .set({ accessVersion: sql`${workspaces.accessVersion} + 1` })
    .where(eq(workspaces.id, workspaceId));
}

type Reads = { inFlight?: Promise<number | undefined>; next?: Promise<number | undefined> };

const readsByDb = new WeakMap<object, Map<string, Reads>>();

/**
 * The workspace's current access version (undefined when there is no such workspace), as read by a query sent
 * after this call: a read already under way may have started before a change the caller must see. Callers
 * arriving while one is under way share the next read, so a busy workspace costs about one query per round
 * trip rather than one per request.
 */
export function readAccessVersion(db: DbOrTx, workspaceId: string): Promise<number | undefined> {
  if ("rollback" in db) {
    return queryAccessVersion(db, workspaceId);
  }
  let byWorkspace = readsByDb.get(db);
  if (!byWorkspace) {
    byWorkspace = new Map();
    readsByDb.set(db, byWorkspace);
  }
  const reads = byWorkspace.get(workspaceId) ?? {};
  byWorkspace.set(workspaceId, reads);
  if (!reads.inFlight) {
    return start(db, byWorkspace, workspaceId, reads);
  }
  if (!reads.next) {
    const previous = reads.inFlight;
    reads.next = previous
      .catch(() => undefined)
      .then(() => {
        reads.next = undefined;
        return start(db, byWorkspace, workspaceId, reads);
      });
  }
  return reads.next;
}

function start(db: DbOrTx, byWorkspace: Map<string, Reads>, workspaceId: string, reads: Reads) {
  const read = queryAccessVersion(db, workspaceId);
  reads.inFlight = read;
  const settle = () => {
    if (reads.inFlight === read) {
      reads.inFlight = undefined;
      if (!reads.next) {
        byWorkspace.delete(workspaceId);
      }
    }
  };
  read.then(settle, settle);
  return read;
}

async function queryAccessVersion(db: DbOrTx, workspaceId: string): Promise<number | undefined> {
  const query = preparedQuery(db, "access_version", (d) =>
    d
      .select({ version: workspaces.accessVersion })
      .from(workspaces)
      .where(eq(workspaces.id, sql.placeholder("workspaceId"))),
  );
  const [row] = await query.execute({ workspaceId });
  return row?.version;
}
