import { randomSecret, sha256 } from "../../lib/secrets.ts";

export const API_KEY_PREFIX = "stl_live_";

/** A new key: the secret is shown once; only its hash and a short display prefix are stored. */
export function mintApiKeySecret(): { key: string; hash: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${randomSecret(24)}`;
  return { key, hash: sha256(key), prefix: key.slice(0, API_KEY_PREFIX.length + 4) };
}
