import type { StripeStore } from "../state/store.ts";
import type { StripeObject } from "../state/types.ts";
import { invalidRequest } from "./errors.ts";

/**
 * `expand[]=customer` or `expand[]=data.customer` (on lists) or `expand[]=latest_charge.balance_transaction`:
 * a field holding an id becomes the object it names. Returns a copy; stored objects are never changed.
 */
export function expand<T>(store: StripeStore, account: string, value: T, paths: string[] | undefined): T {
  if (!paths || paths.length === 0) return value;
  const copy = structuredClone(value) as unknown;
  for (const path of paths) {
    if (path.split(".").length > 4) {
      throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, "expand");
    }
    expandPath(store, account, copy, path.split("."), path);
  }
  return copy as T;
}

function expandPath(store: StripeStore, account: string, node: unknown, path: string[], full: string): void {
  if (typeof node !== "object" || node === null) return;
  const [head, ...rest] = path;
  if (head === undefined) return;
  const record = node as Record<string, unknown>;
  if (head === "data" && Array.isArray(record.data)) {
    for (const item of record.data) expandPath(store, account, item, rest, full);
    return;
  }
  if (!(head in record)) {
    throw invalidRequest(`This property cannot be expanded (${full}).`, "expand");
  }
  const current = record[head];
  if (typeof current === "string") {
    const target = store.find<StripeObject>(account, current);
    if (target) record[head] = structuredClone(target);
  }
  if (rest.length > 0) expandPath(store, account, record[head], rest, full);
}
