import type { StripeObject } from "../state/types.ts";
import { invalidRequest } from "./errors.ts";
import type { Params } from "./params.ts";

export interface StripeList<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

/** The list parameters every list endpoint takes; callers add their own filters to `only`. */
export const LIST_PARAMS = ["limit", "starting_after", "ending_before", "created", "expand"] as const;

/**
 * One page of `items` (already filtered, newest first) as Stripe pages them: `limit` 1–100 (default 10),
 * `starting_after` for the next page, `ending_before` for the previous, `created` as a number or a
 * `{gt, gte, lt, lte}` range. The SDK's auto-pagination walks this with `starting_after`.
 */
export function pageOf<T extends StripeObject>(items: T[], params: Params, url: string): StripeList<T> {
  const limit = params.integer("limit", { min: 1, max: 100 }) ?? 10;
  let pool = filterCreated(items, params);
  const after = params.string("starting_after");
  const before = params.string("ending_before");
  if (after && before) {
    throw invalidRequest("You may only specify one of these parameters: ending_before, starting_after.");
  }
  if (after) {
    const index = pool.findIndex((item) => item.id === after);
    if (index === -1) throw invalidRequest(`No such object: '${after}'`, "starting_after", "resource_missing", 404);
    pool = pool.slice(index + 1);
    return { object: "list", data: pool.slice(0, limit), has_more: pool.length > limit, url };
  }
  if (before) {
    const index = pool.findIndex((item) => item.id === before);
    if (index === -1) throw invalidRequest(`No such object: '${before}'`, "ending_before", "resource_missing", 404);
    const earlier = pool.slice(0, index);
    return { object: "list", data: earlier.slice(-limit), has_more: earlier.length > limit, url };
  }
  return { object: "list", data: pool.slice(0, limit), has_more: pool.length > limit, url };
}

function filterCreated<T extends StripeObject>(items: T[], params: Params): T[] {
  if (!params.has("created")) return items;
  const exact = typeof params.raw.created === "string" ? params.integer("created") : undefined;
  const range = exact === undefined ? params.object("created") : undefined;
  const bounds = {
    gt: range?.integer("gt"),
    gte: range?.integer("gte"),
    lt: range?.integer("lt"),
    lte: range?.integer("lte"),
  };
  return items.filter((item) => {
    const created = typeof item.created === "number" ? item.created : 0;
    if (exact !== undefined) return created === exact;
    if (bounds.gt !== undefined && !(created > bounds.gt)) return false;
    if (bounds.gte !== undefined && !(created >= bounds.gte)) return false;
    if (bounds.lt !== undefined && !(created < bounds.lt)) return false;
    if (bounds.lte !== undefined && !(created <= bounds.lte)) return false;
    return true;
  });
}
