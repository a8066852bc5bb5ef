#!/usr/bin/env node
// Runs the compiled server bundle (dist/server, built at install and by `npm start`) while it is newer than
// every source, and otherwise the TypeScript sources directly through tsx, so an edited checkout never runs
// stale code. Either way it runs in this same process, so signals sent to it (or forwarded by `npm start`)
// reach the server itself.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Everything Settle writes (database files, secrets, tokens) is for its owner only, whatever the umask.
process.umask(0o077);

const root = fileURLToPath(new URL("..", import.meta.url));

function mtimeMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** Whether any file under `dir` was modified after `since`. */
function changedSince(dir, since) {
  // An installation without sources (the container image) runs its bundle.
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() ? changedSince(path, since) : (mtimeMs(path) ?? 0) > since) return true;
  }
  return false;
}

function bundleIsCurrent() {
  const built = mtimeMs(`${root}dist/server/index.js`);
  if (built === null || process.env.SETTLE_FROM_SOURCE === "1") return false;
  return (mtimeMs(`${root}package.json`) ?? 0) <= built && !changedSince(`${root}src`, built);
}

if (bundleIsCurrent()) {
  await import("../dist/server/index.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/index.ts");
}
