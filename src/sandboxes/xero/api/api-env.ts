import type { AccessTokenClaims } from "../identity/access-token.ts";
import type { OrganisationRecord } from "../state/types.ts";

/** Hono variables set by the auth middleware for accounting routes. */
export interface ApiEnv {
  Variables: {
    claims: AccessTokenClaims;
    tenantId: string;
    org: OrganisationRecord;
  };
}
