import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { SpecDocument } from "./spec-files.ts";

// ajv-formats is CommonJS; under ESM its callable export may sit on .default.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

const OPENAPI_NUMBER_FORMATS = ["double", "float", "int32", "int64", "binary", "byte"];

/** Compiles `#/components/...` pointers of one spec with ajv, caching per pointer. */
export class SpecValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly id: string,
    readonly spec: SpecDocument,
    options: { timezoneOptional?: boolean } = {},
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
    addFormats(this.ajv);
    for (const format of OPENAPI_NUMBER_FORMATS) this.ajv.addFormat(format, true);
    // The identity and webhook specs' own examples carry date-times without an offset.
    if (options.timezoneOptional)
      this.ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/);
    this.ajv.addSchema({ $id: id, components: spec.components ?? {} });
  }

  /** Validates against an inline schema whose $refs point into this spec. */
  validate(schema: unknown, value: unknown): string | undefined {
    const key = JSON.stringify(schema);
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(rebase(schema, this.id) as object);
      this.compiled.set(key, fn);
    }
    if (fn(value)) return undefined;
    return this.ajv.errorsText(fn.errors, { dataVar: "body" });
  }

  resolve<T>(node: T): T {
    const ref = (node as { $ref?: string } | undefined)?.$ref;
    if (!ref?.startsWith("#/")) return node;
    let target: unknown = this.spec;
    for (const part of ref.slice(2).split("/")) target = (target as Record<string, unknown>)[part];
    return target as T;
  }
}

/** Turns "#/components/x" into "<id>#/components/x" so refs resolve against the added spec. */
function rebase(schema: unknown, id: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rebase(s, id));
  if (typeof schema !== "object" || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `${id}${value}` : rebase(value, id);
  }
  return out;
}
