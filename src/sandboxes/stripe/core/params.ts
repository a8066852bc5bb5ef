import { invalidRequest, missingParam, unknownParam } from "./errors.ts";
import type { FormObject, FormValue } from "./form.ts";

/**
 * Typed reads of a decoded form, failing the way Stripe does: the error names the parameter (in bracket
 * form, `line_items[0][price]`) and what it accepts.
 */
export class Params {
  constructor(
    readonly raw: FormObject,
    /** The bracketed path of this object inside the request, "" at the top. */
    readonly path = "",
  ) {}

  name(key: string): string {
    return this.path ? `${this.path}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  /** Fails on any key not listed, as Stripe does ("Received unknown parameter"). */
  only(...allowed: string[]): this {
    for (const key of Object.keys(this.raw)) {
      if (!allowed.includes(key)) throw unknownParam(this.name(key));
    }
    return this;
  }

  string(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string") throw invalidRequest(`Invalid string: ${this.name(key)}`, this.name(key));
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === "") throw missingParam(this.name(key));
    return value;
  }

  integer(key: string, options: { min?: number; max?: number } = {}): number | undefined {
    const value = this.string(key);
    if (value === undefined || value === "") return undefined;
    if (!/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, this.name(key));
    const number = Number(value);
    if (!Number.isSafeInteger(number)) throw invalidRequest(`Invalid integer: ${value}`, this.name(key));
    if (options.min !== undefined && number < options.min) {
      throw invalidRequest(
        `This value must be greater than or equal to ${options.min} (it currently is '${number}').`,
        this.name(key),
      );
    }
    if (options.max !== undefined && number > options.max) {
      throw invalidRequest(
        `This value must be less than or equal to ${options.max} (it currently is '${number}').`,
        this.name(key),
      );
    }
    return number;
  }

  boolean(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined || value === "") return undefined;
    if (value === "true") return true;
    if (value === "false") return false;
    throw invalidRequest(`Invalid boolean: ${value}`, this.name(key));
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidRequest(`Invalid ${this.name(key)}: must be one of ${listWords(allowed)}`, this.name(key));
    }
    return value as T;
  }

  object(key: string): Params | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (value === "") return new Params({}, this.name(key));
    if (typeof value !== "object" || Array.isArray(value)) {
      throw invalidRequest(`Invalid object`, this.name(key));
    }
    return new Params(value, this.name(key));
  }

  /** An array of objects (`line_items[0][…]`). */
  objects(key: string): Params[] | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw invalidRequest(`Invalid array`, this.name(key));
    return value.map((item, index) => {
      if (typeof item !== "object" || Array.isArray(item)) {
        throw invalidRequest(`Invalid object`, `${this.name(key)}[${index}]`);
      }
      return new Params(item, `${this.name(key)}[${index}]`);
    });
  }

  /** An array of strings (`expand[]`, `types[]`). A single value is accepted as a one-item list. */
  strings(key: string): string[] | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    const items: FormValue[] = Array.isArray(value) ? value : [value];
    return items.map((item, index) => {
      if (typeof item !== "string") throw invalidRequest(`Invalid string`, `${this.name(key)}[${index}]`);
      return item;
    });
  }

  /** `metadata[k]=v` as a flat string map; Stripe's limits: 50 keys, keys of 40, values of 500 characters. */
  metadata(key = "metadata"): Record<string, string> | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (value === "") return {};
    if (typeof value !== "object" || Array.isArray(value)) throw invalidRequest("Invalid object", this.name(key));
    const out: Record<string, string> = {};
    for (const [name, item] of Object.entries(value)) {
      if (typeof item !== "string") throw invalidRequest("Invalid string", `${this.name(key)}[${name}]`);
      if (name.length > 40) {
        throw invalidRequest("Metadata keys can have up to 40 characters.", `${this.name(key)}[${name}]`);
      }
      if (item.length > 500) {
        throw invalidRequest("Metadata values can have up to 500 characters.", `${this.name(key)}[${name}]`);
      }
      out[name] = item;
    }
    if (Object.keys(out).length > 50) throw invalidRequest("Metadata can have up to 50 keys.", this.name(key));
    return out;
  }
}

/** Stripe's update rule: `metadata[k]=` removes k, `metadata=` clears all, other keys are set. */
export function mergeMetadata(current: Record<string, string>, update: Record<string, string> | undefined) {
  if (update === undefined) return current;
  if (Object.keys(update).length === 0) return {};
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === "") delete next[key];
    else next[key] = value;
  }
  return next;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")}, or ${items[items.length - 1]}`;
}
