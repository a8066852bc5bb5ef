/**
 * Decodes Stripe's form encoding, which the SDK writes with `qs` (indices format):
 * `line_items[0][price_data][unit_amount]=1234&expand[]=customer&metadata[k]=v`. Keys that are all integers
 * (or `[]`) make arrays; everything else objects. Values stay strings: each resource coerces what it reads.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const MAX_DEPTH = 8;

export function parseStripeForm(search: URLSearchParams): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of search) {
    const path = splitKey(rawKey);
    if (path.length === 0 || path.length > MAX_DEPTH) continue;
    assign(root, path, value);
  }
  return normaliseArrays(root) as FormObject;
}

function splitKey(key: string): string[] {
  const first = key.indexOf("[");
  if (first === -1) return [key];
  const parts = [key.slice(0, first)];
  const rest = key.slice(first);
  for (const match of rest.matchAll(/\[([^\]]*)\]/g)) parts.push(match[1] ?? "");
  return parts;
}

function assign(target: FormObject, path: string[], value: string): void {
  let node: FormObject = target;
  for (let i = 0; i < path.length; i++) {
    let key = path[i] ?? "";
    const last = i === path.length - 1;
    if (key === "") key = String(Object.keys(node).length);
    // Prototype keys would reach Object.prototype through plain-object nodes.
    if (key === "__proto__" || key === "constructor" || key === "prototype") return;
    if (last) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as FormObject;
  }
}

/** Objects whose keys are exactly 0..n-1 become arrays, recursively. */
function normaliseArrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) converted[key] = normaliseArrays(value[key] as FormValue);
  const isArray = keys.length > 0 && keys.every((key, index) => key === String(index));
  return isArray ? keys.map((key) => converted[key] as FormValue) : converted;
}
