import type { StoredConditions } from "../../db/schema/index.ts";
import type { Condition, ConditionField } from "./schemas.ts";

/** What conditions compare against: absent fields (stripped, or not part of this event) never match. */
export type ConditionFacts = Partial<Record<ConditionField, string | number | readonly string[]>>;

function matchesOne(facts: ConditionFacts, condition: Condition): boolean {
  const actual = facts[condition.field];
  if (actual === undefined) return false;
  // A field with several names (a company's id and its name) matches when any of them does.
  const candidates = Array.isArray(actual) ? actual : [actual as string | number];
  return candidates.some((value) => compare(value, condition.op, condition.value));
}

function compare(actual: string | number, op: Condition["op"], expected: Condition["value"]): boolean {
  if (op === "in") {
    const list = Array.isArray(expected) ? expected : [expected];
    return list.some((item) => same(actual, item));
  }
  if (Array.isArray(expected)) return false;
  if (op === "eq") return same(actual, expected);
  if (op === "neq") return !same(actual, expected);
  const a = Number(actual);
  const b = Number(expected);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (op === "gt") return a > b;
  if (op === "gte") return a >= b;
  if (op === "lt") return a < b;
  return a <= b;
}

/** Text compares without regard to case ("Won" = "won", "usd" = "USD"); numbers compare as numbers. */
function same(actual: string | number, expected: string | number): boolean {
  if (typeof actual === "number" || typeof expected === "number") return Number(actual) === Number(expected);
  return actual.toLowerCase() === expected.toLowerCase();
}

/** `all` must all hold and, when given, at least one of `any`; no conditions always match. */
export function conditionsMatch(conditions: StoredConditions, facts: ConditionFacts): boolean {
  if (!conditions) return true;
  const all = (conditions.all ?? []) as Condition[];
  const any = (conditions.any ?? []) as Condition[];
  if (!all.every((c) => matchesOne(facts, c))) return false;
  return any.length === 0 || any.some((c) => matchesOne(facts, c));
}
