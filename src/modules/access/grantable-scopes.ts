import type { Ctx } from "../../context.ts";
import { assertCanGrant } from "./grants.ts";
import { normaliseScopes, type Scope } from "./scopes.ts";

/** A key may only carry scopes its creator holds right now; "full_access" expands to exactly those. */
export function grantableScopes(ctx: Ctx, requested: readonly string[] | "full_access"): Scope[] {
  if (requested === "full_access") {
    return [...ctx.actor.scopes];
  }
  const scopes = normaliseScopes(requested);
  assertCanGrant(ctx.actor, scopes, "scopes", "create or edit an API key");
  return scopes;
}
