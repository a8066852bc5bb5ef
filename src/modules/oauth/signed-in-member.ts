import type { Actor } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";

type Member = Extract<Actor, { kind: "member" }>;

/**
 * Approving clients and managing grants is for the person themself, in the web app: neither an API key nor an
 * OAuth client (which acts as a member too) may approve more clients or see the member's other grants.
 */
export function signedInMember(actor: Actor): Member {
  if (actor.kind !== "member" || actor.oauthGrantId !== undefined) {
    throw new AppError("forbidden", "Only a member signed in to the web app can manage connected apps.", {
      fix: "Sign in to Settle in a browser and use the consent screen or Settings → Connected apps.",
    });
  }
  return actor;
}
