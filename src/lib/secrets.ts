import { createHash, randomBytes } from "node:crypto";

/** API keys and session tokens are stored only as SHA-256 hashes: they are long random secrets, not passwords. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}
