/**
 * Writes web/src/lib/api-types.generated.ts from the OpenAPI document the server publishes at
 * /api/openapi.json. The document is built in-process from createApp, so neither a running server nor a
 * database is needed. With --check it writes nothing and exits 1 when the committed file is stale.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { type OpenAPI3 } from "openapi-typescript";
import type { Db } from "../src/db/client.ts";
import { createApp } from "../src/http/app.ts";
import { systemClock } from "../src/lib/clock.ts";
import { createLogger } from "../src/lib/logger.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const target = "web/src/lib/api-types.generated.ts";

// Serving the document reads no rows; a database touched while building it is a mistake worth failing on.
const noDatabase = new Proxy({} as Db, {
  get(_target, property) {
    throw new Error(`The OpenAPI document must not need the database (touched db.${String(property)}).`);
  },
});

async function openApiDocument(): Promise<OpenAPI3> {
  const app = createApp({
    db: noDatabase,
    clock: systemClock,
    logger: createLogger("silent"),
    publicUrl: "http://localhost:3000",
    cookieSecure: false,
    rateLimitPerMinute: 1,
    loginRateLimitPerMinute: 1,
  });
  const response = await app.request("/api/openapi.json");
  if (!response.ok) {
    throw new Error(`GET /api/openapi.json answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as OpenAPI3;
}

/** Biome owns the repository's formatting; the generated file is committed, so it is formatted the same way. */
function formatted(source: string): string {
  const biome = spawnSync("node_modules/.bin/biome", ["format", `--stdin-file-path=${target}`], {
    cwd: root,
    input: source,
    encoding: "utf8",
  });
  if (biome.status !== 0) {
    throw new Error(`biome format failed: ${biome.stderr}`);
  }
  return biome.stdout;
}

async function generate(): Promise<string> {
  const types = await openapiTS(await openApiDocument(), {
    // The generator's own helpers use `any` and `{}`; the file is checked by the compiler, not the linter.
    commentHeader:
      "// biome-ignore-all lint: generated code\n" +
      "/**\n * Generated from the server's OpenAPI document by `npm run api-types`; do not edit by hand.\n */\n\n",
    alphabetize: true,
  });
  return formatted(types);
}

const check = process.argv.includes("--check");
const next = await generate();
const path = `${root}${target}`;
if (check) {
  let current = "";
  try {
    current = readFileSync(path, "utf8");
  } catch {
    // missing counts as stale
  }
  if (current !== next) {
    console.error(`${target} is out of date with the OpenAPI document: run npm run api-types and commit the result.`);
    process.exit(1);
  }
} else {
  writeFileSync(path, next);
  console.log(`Wrote ${target}.`);
}
