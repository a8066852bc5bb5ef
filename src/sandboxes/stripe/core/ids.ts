import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random base62 text, the alphabet Stripe's ids use after their prefix. */
export function base62(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = "";
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    // 248 = 4 × 62: rejecting the top bytes keeps every character equally likely.
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out.length === length ? out : out + base62(length - out.length);
}

/** Ids shaped like Stripe's: `prod_` + 14 characters, test-mode checkout sessions `cs_test_` + 58. */
export function newId(prefix: string): string {
  if (prefix === "cs") return `cs_test_${base62(58)}`;
  if (prefix === "acct" || prefix === "ca") return `${prefix}_${base62(16)}`;
  return `${prefix}_${base62(24)}`;
}
