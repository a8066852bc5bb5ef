import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Seals secrets Settle must keep but never show (Xero's OAuth tokens) with AES-256-GCM before they reach the
 * database. The context string (for example the workspace id and the column) is authenticated but not stored:
 * a sealed value copied into another workspace's row does not open there.
 */
export type SecretBox = {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
};

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {}

/** `secret` is SETTLE_SECRET_KEY or the generated key file's content; the AES key is derived from it (HKDF). */
export function createSecretBox(secret: string): SecretBox {
  const key = Buffer.from(hkdfSync("sha256", secret, "settle", "settle secret box v1", 32));
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },
    open(sealed, context) {
      const [version, payload] = sealed.split(".", 2);
      if (version !== VERSION || !payload) {
        throw new SecretBoxError("The value is not sealed by this version of Settle.");
      }
      const bytes = Buffer.from(payload, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context)).setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw new SecretBoxError("The sealed value does not open with this key (SETTLE_SECRET_KEY changed?).");
      }
    },
  };
}
