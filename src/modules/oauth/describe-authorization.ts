import type { Ctx } from "../../context.ts";
import { checkAuthorizationRequest, offeredScopes } from "./check-authorization-request.ts";
import { signedInMember } from "./signed-in-member.ts";

/** What the consent screen shows: who asks, for which scopes, and which of them this member can grant. */
export async function describeAuthorization(ctx: Ctx, input: unknown) {
  const actor = signedInMember(ctx.actor);
  const { client, requested, request } = await checkAuthorizationRequest(ctx.db, input);
  return {
    client,
    redirectUri: request.redirect_uri,
    requested,
    offered: offeredScopes(actor, requested),
  };
}
