import { and, desc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { oauthClients, oauthGrants } from "../../db/schema/index.ts";
import { signedInMember } from "./signed-in-member.ts";

/** The signed-in member's active grants in this workspace (Settings → Connected apps), newest first. */
export async function listGrants(ctx: Ctx) {
  const actor = signedInMember(ctx.actor);
  return ctx.db
    .select({
      id: oauthGrants.id,
      clientId: oauthClients.id,
      clientName: oauthClients.name,
      scopes: oauthGrants.scopes,
      createdAt: oauthGrants.createdAt,
      lastUsedAt: oauthGrants.lastUsedAt,
    })
    .from(oauthGrants)
    .innerJoin(oauthClients, eq(oauthClients.id, oauthGrants.clientId))
    .where(
      and(
        eq(oauthGrants.workspaceId, actor.workspaceId),
        eq(oauthGrants.userId, actor.userId),
        isNull(oauthGrants.revokedAt),
      ),
    )
    .orderBy(desc(oauthGrants.id));
}

export type GrantRow = Awaited<ReturnType<typeof listGrants>>[number];
