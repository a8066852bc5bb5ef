import { randomBytes } from "node:crypto";
import { sha256 } from "../../lib/secrets.ts";

/** 32 random bytes, base64url (43 characters); only its sha256 is stored. */
export function newPortalToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: sha256(token) };
}

export function hashPortalToken(token: string): string {
  return sha256(token);
}
