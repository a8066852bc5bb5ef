// Compiles the server's TypeScript into one ES module bundle in dist/server (dependencies stay in
// node_modules), so a start loads plain JavaScript instead of transpiling hundreds of files through tsx.
// bin/settle.js runs the bundle only while it is newer than every source, and the sources otherwise.
// With --if-changed it builds only when the bundle is missing or older than a source.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
const STAMP = "dist/server/index.js";

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(`${path}/${name}`)));
}

if (process.argv.includes("--if-changed") && existsSync(STAMP)) {
  const sources = Math.max(newestMtime("src"), newestMtime("package.json"), newestMtime("package-lock.json"));
  if (sources <= statSync(STAMP).mtimeMs) process.exit(0);
}

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.error("esbuild is not installed, so Settle runs from its sources (slower to start): run npm install.");
  process.exit(0);
}
rmSync("dist/server.tmp", { recursive: true, force: true });
await esbuild.build({
  entryPoints: ["src/cli/index.ts", "src/runtime/init-data-dir-process.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // Commands and rarely used modules (the MCP server, xero-node) stay in chunks loaded when first used.
  splitting: true,
  outdir: "dist/server.tmp",
  entryNames: "[name]",
  sourcemap: true,
  logLevel: "warning",
});
rmSync("dist/server", { recursive: true, force: true });
renameSync("dist/server.tmp", "dist/server");
