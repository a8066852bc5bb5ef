import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Settle's installed directory (where package.json, migrations/ and dist/web live). Found by walking up
 * from this module, because it runs both from src/runtime (through tsx) and from the dist/server bundle.
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** True when this code runs from the compiled bundle rather than the TypeScript sources. */
export const RUNS_FROM_BUNDLE = !import.meta.url.endsWith(".ts");
