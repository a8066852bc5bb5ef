import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { apiKeys, members, roles } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";

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
