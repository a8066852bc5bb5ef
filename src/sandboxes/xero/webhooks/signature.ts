import { createHmac, randomBytes } from "node:crypto";

/** x-xero-signature: base64 HMAC-SHA256 of the raw body with the webhook key. */
export function signWebhookBody(body: string, key: string): string {
  return createHmac("sha256", key).update(body).digest("base64");
}

export function entropy(): string {
  return randomBytes(15)
    .toString("base64")
    .replace(/[^A-Z]/gi, "")
    .toUpperCase()
    .padEnd(20, "X")
    .slice(0, 20);
}
