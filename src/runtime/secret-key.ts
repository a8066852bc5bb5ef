import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSecretBox, type SecretBox } from "../lib/secret-box.ts";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "./data-dir.ts";

/** Where the generated key lives when SETTLE_SECRET_KEY is not set. */
export const SECRET_KEY_FILE = "secret-key";

/**
 * The secret that seals stored credentials: SETTLE_SECRET_KEY when set (required for several hosts sharing
 * one PostgreSQL), else a key generated once into DATA_DIR/secret-key (0600), shared by every process on this
 * host. Losing it means reconnecting Xero, nothing more: the sealed tokens are the only thing it opens.
 */
export function loadSecretBox(options: { secretKey: string | undefined; dataDir: string }): SecretBox {
  if (options.secretKey) return createSecretBox(options.secretKey);
  const file = join(options.dataDir, SECRET_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    try {
      // wx: when two processes start at once, the second keeps the first one's key.
      writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: PRIVATE_FILE_MODE, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return createSecretBox(readFileSync(file, "utf8").trim());
}

/** The box, its key read (or generated) on first use: processes that never seal anything touch no key file. */
export function lazySecretBox(options: { secretKey: string | undefined; dataDir: string }): SecretBox {
  let box: SecretBox | undefined;
  const get = () => {
    box ??= loadSecretBox(options);
    return box;
  };
  return {
    seal: (plain, context) => get().seal(plain, context),
    open: (sealed, context) => get().open(sealed, context),
  };
}
