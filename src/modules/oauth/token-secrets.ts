import { randomSecret, sha256 } from "../../lib/secrets.ts";

// Prefixes say what a leaked secret is (and let one Authorization header carry either a key or a token).
export const ACCESS_TOKEN_PREFIX = "stl_oat_";
export const REFRESH_TOKEN_PREFIX = "stl_ort_";
export const CODE_PREFIX = "stl_oac_";

/** Access tokens are short-lived: a leaked one is useful for an hour; the refresh token rotates on each use. */
export const ACCESS_TOKEN_TTL_MS = 60 * 60 * 1000;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const CODE_TTL_MS = 5 * 60 * 1000;

export function newSecret(prefix: string): { secret: string; hash: string } {
  const secret = `${prefix}${randomSecret(32)}`;
  return { secret, hash: sha256(secret) };
}

/** PKCE S256 (RFC 7636 §4.2): BASE64URL(SHA256(verifier)). */
export function s256(verifier: string): string {
  return Buffer.from(sha256(verifier), "hex").toString("base64url");
}
