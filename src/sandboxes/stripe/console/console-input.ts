import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { FAULT_KINDS } from "../api/faults.ts";

/** The most a console body may hold; every console action takes a few small fields. */
export const CONSOLE_BODY_BYTES = 16_384;
/** The furthest one console call moves the sandbox clock. */
export const MAX_ADVANCE_DAYS = 400;
const DAY_SECONDS = 86_400;

const count = (min: number, max: number) =>
  z.int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const ClockAdvance = z
  .strictObject({
    seconds: count(0, MAX_ADVANCE_DAYS * DAY_SECONDS).optional(),
    days: z
      .number("must be a number")
      .min(0, "must be 0 or more")
      .max(MAX_ADVANCE_DAYS, `must be at most ${MAX_ADVANCE_DAYS}`)
      .optional(),
  })
  .refine((input) => (input.seconds === undefined) !== (input.days === undefined), {
    path: ["body"],
    message: "needs exactly one of seconds or days",
  });

export const FaultInput = z.strictObject({
  kind: z.enum(FAULT_KINDS as readonly ["429", "500", "slow", "drop"], `must be one of ${FAULT_KINDS.join(", ")}`),
  count: count(1, 1000).optional(),
  path_contains: z.string().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  method: z.enum(["GET", "POST", "DELETE"], "must be one of GET, POST, DELETE").optional(),
  delay_ms: count(0, 60_000).optional(),
});

export const EventOrderInput = z.strictObject({
  order: z.enum(["invoice_first", "session_first"], "must be invoice_first or session_first"),
});

export const Empty = z.strictObject({});

export type Issue = { field: string; message: string };

export function refuse(c: Context, issues: Issue[], status: 400 | 404 | 409 = 400): Response {
  return c.json({ errors: issues.map((i) => `${i.field} ${i.message}`), issues }, status);
}

/** Bounds a console route's body; larger ones get a 400 naming the limit. */
export function limitBody(): MiddlewareHandler {
  return bodyLimit({
    maxSize: CONSOLE_BODY_BYTES,
    onError: (c) => refuse(c, [{ field: "body", message: `must be at most ${CONSOLE_BODY_BYTES} bytes` }]),
  });
}

/** Parses a JSON body (empty means `{}`) against a schema; a Response is the 400 naming the fields. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S> | Response> {
  const raw = await c.req.text();
  let value: unknown = {};
  if (raw.trim() !== "") {
    try {
      value = JSON.parse(raw);
    } catch {
      return refuse(c, [{ field: "body", message: "must be a JSON object" }]);
    }
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const field = (path: PropertyKey[]) => (path.length > 0 ? path.map(String).join(".") : "body");
  return refuse(
    c,
    parsed.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({
            field: field([...issue.path, key]),
            message: "is not a field the console accepts",
          }))
        : [{ field: field(issue.path), message: issue.message }],
    ),
  );
}

/** A bounded `limit` query value: the default when absent, a 400 issue when not a whole number in range. */
export function limitQuery(value: string | undefined, fallback: number, max: number): number | Issue {
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    return { field: "limit", message: `must be a whole number from 1 to ${max}` };
  }
  return Number(value);
}
