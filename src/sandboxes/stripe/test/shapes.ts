import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../../shared/specs/stripe_fixtures3.json");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let fixtures: Record<string, Json> | undefined;

/** `../shared/specs/stripe_fixtures3.json`: Stripe's own example of every object, with every field present. */
function fixture(name: string): Json {
  fixtures ??= (
    JSON.parse(readFileSync(FIXTURES, "utf8")) as {
      resources: Record<string, Json>;
    }
  ).resources;
  const found = fixtures[name];
  if (found === undefined) throw new Error(`No fixture named ${name}`);
  return found;
}

/**
 * The paths of fields Stripe's fixture of `name` has and `actual` lacks (objects compared key by key where
 * both sides are objects; lists by their first item). Fields the current API version dropped, and ones the
 * sandbox deliberately leaves out, go in `except` with their path.
 */
export function missingFields(name: string, actual: unknown, except: string[] = []): string[] {
  const missing: string[] = [];
  walk(fixture(name), actual as Json, "", missing, new Set(except));
  return missing;
}

function walk(expected: Json, actual: Json, path: string, missing: string[], except: Set<string>): void {
  if (expected === null || actual === null || typeof expected !== "object" || typeof actual !== "object") return;
  if (Array.isArray(expected)) {
    if (Array.isArray(actual) && expected.length > 0 && actual.length > 0) {
      walk(expected[0] as Json, actual[0] as Json, `${path}[]`, missing, except);
    }
    return;
  }
  if (Array.isArray(actual)) return;
  for (const key of Object.keys(expected)) {
    const child = path ? `${path}.${key}` : key;
    if (except.has(child)) continue;
    if (!(key in actual)) {
      missing.push(child);
      continue;
    }
    walk(expected[key] as Json, actual[key] as Json, child, missing, except);
  }
}
