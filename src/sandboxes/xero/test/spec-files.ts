import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const SPEC_DIR = resolve(repoRoot, "../shared/specs");

export type SpecDocument = {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
};

const cache = new Map<string, SpecDocument | undefined>();

/** Loads a spec; a missing file is a warning locally and a failure on CI. */
export function loadSpec(file: string): SpecDocument | undefined {
  if (cache.has(file)) return cache.get(file);
  const path = resolve(SPEC_DIR, file);
  let spec: SpecDocument | undefined;
  if (existsSync(path)) spec = parse(readFileSync(path, "utf8")) as SpecDocument;
  else if (process.env.CI === "true") throw new Error(`Spec ${path} is missing; conformance checks cannot run on CI.`);
  else console.warn(`[xero-sandbox tests] ${path} not found; skipping conformance validation.`);
  cache.set(file, spec);
  return spec;
}
