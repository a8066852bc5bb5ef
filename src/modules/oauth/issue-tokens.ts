import type { DbOrTx } from "../../db/client.ts";
import { oauthTokens } from "../../db/schema/index.ts";
import {
  ACCESS_TOKEN_PREFIX,
  ACCESS_TOKEN_TTL_MS,
  newSecret,
  REFRESH_TOKEN_PREFIX,
  REFRESH_TOKEN_TTL_MS,
} from "./token-secrets.ts";

/** The RFC 6749 §5.1 token response. `scope` is what was granted; use narrows it further to the member's role. */
export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
};

/** A fresh access token and refresh token for a grant; only their hashes are stored. */
export async function issueTokens(
  tx: DbOrTx,
  grant: { id: string; scopes: readonly string[] },
  now: Date,
): Promise<TokenResponse> {
  const access = newSecret(ACCESS_TOKEN_PREFIX);
  const refresh = newSecret(REFRESH_TOKEN_PREFIX);
  await tx.insert(oauthTokens).values([
    {
      tokenHash: access.hash,
      grantId: grant.id,
      kind: "access",
      expiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_MS),
      createdAt: now,
    },
    {
      tokenHash: refresh.hash,
      grantId: grant.id,
      kind: "refresh",
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
      createdAt: now,
    },
  ]);
  return {
    access_token: access.secret,
    token_type: "Bearer",
    expires_in: Math.floor(ACCESS_TOKEN_TTL_MS / 1000),
    refresh_token: refresh.secret,
    scope: grant.scopes.join(" "),
  };
}
