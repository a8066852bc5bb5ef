import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * x-xero-signature is base64(HMAC-SHA256(raw body, webhook key)); compared in constant time after a length
 * check (timingSafeEqual throws on unequal lengths). No key configured: nothing verifies.
 */
export function verifyXeroSignature(rawBody: string, signature: string | undefined, key: string | undefined): boolean {
  if (!key || !signature) return false;
  const expected = createHmac("sha256", key).update(rawBody).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
