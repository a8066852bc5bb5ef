import { createHmac, timingSafeEqual } from "node:crypto";
import { newId } from "../core/ids.ts";

/** Claims shaped like Xero's access-token JWT. */
export interface AccessTokenClaims {
  iss: string;
  aud: string;
  nbf: number;
  exp: number;
  client_id: string;
  sub: string;
  xero_userid: string;
  authentication_event_id: string;
  grant_id: string;
  grant_type: "authorization_code" | "refresh_token" | "client_credentials";
  jti: string;
  scope: string[];
  /** Sandbox-only: the app's token generation at issue; the console's "expire now" moves it on. */
  sandbox_generation?: number;
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");

/** HS256-signed so tokens survive restarts without a token table; real Xero uses RS256. */
export function signAccessToken(claims: Omit<AccessTokenClaims, "jti">, key: string): string {
  const body = `${encode({ alg: "HS256", typ: "JWT" })}.${encode({ ...claims, jti: newId() })}`;
  const signature = createHmac("sha256", key).update(body).digest("base64url");
  return `${body}.${signature}`;
}

export type TokenCheck =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; expiredAtMs: number };

export function verifyAccessToken(token: string, key: string, nowMs: number): TokenCheck {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return { ok: false, reason: "invalid" };
  const expected = createHmac("sha256", key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as AccessTokenClaims;
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: "expired", expiredAtMs: claims.exp * 1000 };
  return { ok: true, claims };
}
