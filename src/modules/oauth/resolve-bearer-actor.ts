import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { resolveApiKeyActor } from "../access/index.ts";
import { resolveOAuthActor } from "./resolve-oauth-actor.ts";
import { ACCESS_TOKEN_PREFIX } from "./token-secrets.ts";

/** A bearer credential is an API key (stl_live_…) or an OAuth access token (stl_oat_…); the prefix says which. */
export function resolveBearerActor(deps: { db: DbOrTx; clock: Clock }, secret: string): Promise<Actor | null> {
  return secret.startsWith(ACCESS_TOKEN_PREFIX) ? resolveOAuthActor(deps, secret) : resolveApiKeyActor(deps, secret);
}
