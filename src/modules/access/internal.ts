import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.ts";
import { apiKeys, members, roles } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../lib/errors.ts";

export async function getRoleOrThrow(db: DbOrTx, workspaceId: string, id: string) {
  const [role] = await db
    .select()
    .from(roles)
    .where(and(eq(roles.workspaceId, workspaceId), eq(roles.id, id)));
  if (!role) {
    throw notFound("role", id);
  }
  return role;
}

export async function getMemberOrThrow(db: DbOrTx, workspaceId: string, id: string) {
  const [member] = await db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, id)));
  if (!member) {
    throw notFound("member", id);
  }
  return member;
}

export async function getApiKeyOrThrow(db: DbOrTx, workspaceId: string, id: string) {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id)));
  if (!key) {
    throw notFound("API key", id);
  }
  return key;
}

/** Refuses any change that would leave the workspace without an active member holding members:write. */
export async function assertAnotherAdminRemains(tx: Tx, workspaceId: string, exceptMemberId: string): Promise<void> {
  const admins = await tx
    .select({ scopes: roles.scopes })
    .from(members)
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(and(eq(members.workspaceId, workspaceId), ne(members.id, exceptMemberId), eq(members.status, "active")));
  if (!admins.some((a) => a.scopes.includes("members:write"))) {
    throw new AppError("conflict", "This would leave the workspace without an admin.", {
      fix: "Give another active member a role with members:write first.",
    });
  }
}
