import { and, eq, isNull } from "drizzle-orm";
import type { Actor, Ctx } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { apiKeys, members, roles } from "../../db/schema/index.ts";
import { isScope, type Scope } from "../access/scopes.ts";

type Owner = { workspaceId: string; ownerUserId: string | null; ownerKeyId: string | null };

/** Who creates an automation owns it: a member, or an API key (acting within its creator's role). */
export function ownerOf(actor: Actor): { ownerUserId: string | null; ownerKeyId: string | null } {
  if (actor.kind === "member") return { ownerUserId: actor.userId, ownerKeyId: null };
  if (actor.kind === "api_key") return { ownerUserId: actor.userId, ownerKeyId: actor.keyId };
  return { ownerUserId: null, ownerKeyId: null };
}

/**
 * The owner as they are now (role scopes; a key's scopes ∩ its creator's role, as requests resolve them), so a
 * run carries only what its owner may see today. Null when the member left or the key was revoked.
 */
export async function resolveOwner(db: DbOrTx, owner: Owner): Promise<Actor | null> {
  const roleScopes = owner.ownerUserId ? await memberScopes(db, owner.workspaceId, owner.ownerUserId) : null;
  if (owner.ownerKeyId) {
    const [key] = await db
      .select({ scopes: apiKeys.scopes, userId: apiKeys.createdByUserId })
      .from(apiKeys)
      .where(
        and(eq(apiKeys.workspaceId, owner.workspaceId), eq(apiKeys.id, owner.ownerKeyId), isNull(apiKeys.revokedAt)),
      );
    if (!key) return null;
    if (key.userId && !roleScopes) return null;
    const scopes = new Set(key.scopes.filter(isScope).filter((s) => !roleScopes || roleScopes.has(s)));
    return { kind: "api_key", workspaceId: owner.workspaceId, keyId: owner.ownerKeyId, userId: key.userId, scopes };
  }
  if (!owner.ownerUserId || !roleScopes) return null;
  const [member] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, owner.workspaceId), eq(members.userId, owner.ownerUserId)));
  if (!member) return null;
  return {
    kind: "member",
    workspaceId: owner.workspaceId,
    userId: owner.ownerUserId,
    memberId: member.id,
    scopes: roleScopes,
  };
}

async function memberScopes(db: DbOrTx, workspaceId: string, userId: string): Promise<Set<Scope> | null> {
  const [row] = await db
    .select({ scopes: roles.scopes })
    .from(members)
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId), eq(members.status, "active")));
  return row ? new Set(row.scopes.filter(isScope)) : null;
}

/** A verb context acting as the owner, at the depth of the run (its changes' events carry depth + 1). */
export function ownerCtx(base: Pick<Ctx, "db" | "clock" | "mail" | "secrets">, actor: Actor, depth: number): Ctx {
  return { ...base, actor, automationDepth: depth + 1 };
}
