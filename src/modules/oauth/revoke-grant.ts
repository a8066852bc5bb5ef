import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { oauthGrants } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { RecordRef } from "../access/schemas.ts";
import { recordAudit } from "../audit/index.ts";
import { revokeGrantRows } from "./revoke-grant-rows.ts";
import { signedInMember } from "./signed-in-member.ts";

/** Revoke from Settings → Connected apps: the client's tokens stop working on its next request. */
export async function revokeGrant(ctx: Ctx, input: RecordRef): Promise<void> {
  const { id } = parseInput(RecordRef, input);
  const actor = signedInMember(ctx.actor);
  await withTransaction(ctx, async (tx) => {
    const [grant] = await tx
      .select()
      .from(oauthGrants)
      .where(
        and(
          eq(oauthGrants.id, id),
          eq(oauthGrants.workspaceId, actor.workspaceId),
          eq(oauthGrants.userId, actor.userId),
        ),
      );
    if (!grant) throw notFound("connected app", id);
    if (await revokeGrantRows(tx, id, ctx.clock.now())) {
      await recordAudit(tx, ctx, { action: "oauth.grant_revoked", targetType: "oauth_grant", targetId: id });
    }
  });
}
