import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { appErrorFromDatabase } from "../lib/database-errors.ts";
import { AppError, type ErrorCode, type ErrorIssue } from "../lib/errors.ts";
import { invalidInput } from "../lib/validation.ts";
import type { AppEnv } from "./env.ts";

/** The one table from error code to HTTP status. */
const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 422,
  rate_limited: 429,
  upstream_failed: 502,
  internal: 500,
};

export function errorBody(error: AppError, requestId: string) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fix ? { fix: error.fix } : {}),
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.details ?? {}),
      request_id: requestId,
    },
  };
}

export function errorResponse(c: Context<AppEnv>, error: AppError) {
  // Rate limits and idempotency keys still in progress say when to come back.
  if (typeof error.details?.retry_after === "number") {
    c.header("Retry-After", String(error.details.retry_after));
  }
  return c.json(errorBody(error, c.get("requestId")), STATUS[error.code]);
}

type StackFailure = { status: ContentfulStatusCode; code: string; message: string; fix: string; issue?: ErrorIssue };

/** The request body limit createApp enforces. */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_FIX = "Send the body as JSON with Content-Type: application/json.";

function mediaTypeOf(c: Context<AppEnv>): string | undefined {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().slice(0, 100);
  return type ? type : undefined;
}

/**
 * Failures of the HTTP exchange itself, raised by the stack (router, body limit, zod-openapi's content-type
 * check) before any verb runs. Verbs never raise them, so their codes live here rather than in ERROR_CODES;
 * they carry the same envelope and say what to send instead.
 */
const STACK_FAILURES: Record<number, (error: HTTPException, c: Context<AppEnv>) => StackFailure> = {
  400: (error) =>
    /json/i.test(error.message)
      ? {
          status: 400,
          code: "invalid_input",
          message: "The request body is not valid JSON.",
          fix: JSON_FIX,
          issue: { field: "(body)", message: "malformed JSON" },
        }
      : {
          status: 400,
          code: "invalid_input",
          message: "The request body could not be read.",
          fix: JSON_FIX,
          issue: { field: "(body)", message: "unreadable" },
        },
  405: (error, c) => methodNotAllowed(c, error.res?.headers.get("Allow")?.split(/,\s*/) ?? []),
  413: () => ({
    status: 413,
    code: "payload_too_large",
    message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`,
    fix: `Send at most ${MAX_BODY_BYTES / 1024 / 1024} MiB in one request; split large changes into several requests.`,
    issue: { field: "(body)", message: "too large" },
  }),
  415: (_error, c) => ({
    status: 415,
    code: "unsupported_media_type",
    message: `This endpoint takes a JSON body, not ${mediaTypeOf(c) ?? "a body without a Content-Type"}.`,
    fix: JSON_FIX,
    issue: { field: "Content-Type", message: "must be application/json" },
  }),
};

function methodNotAllowed(c: Context<AppEnv>, allowed: readonly string[]): StackFailure {
  return {
    status: 405,
    code: "method_not_allowed",
    message: `${c.req.method} is not allowed on ${c.req.path}.`,
    fix: allowed.length > 0 ? `Use ${allowed.join(" or ")}.` : "See the API reference at /api/docs.",
  };
}

/** Any other 4xx the stack may raise: the envelope with the same status, never a 500. */
function otherStackFailure(error: HTTPException): StackFailure {
  return {
    status: error.status as ContentfulStatusCode,
    code: error.status === 401 ? "unauthorized" : error.status === 404 ? "not_found" : "invalid_request",
    message: error.message || "The request was refused.",
    fix: "Check the method, path, headers and body against the API reference at /api/docs.",
  };
}

function stackErrorResponse(c: Context<AppEnv>, failure: StackFailure) {
  return c.json(
    {
      error: {
        code: failure.code,
        message: failure.message,
        fix: failure.fix,
        ...(failure.issue ? { issues: [failure.issue] } : {}),
        request_id: c.get("requestId"),
      },
    },
    failure.status,
  );
}

type Route = { method: string; path: string };

/** A Hono route path (`/api/v1/companies/:id`) as a regular expression over request paths. */
function routePattern(path: string): RegExp {
  const source = path
    .split(/(:[A-Za-z_]\w*(?:\{[^}]*\})?\??)/)
    .map((part) => {
      if (part.startsWith(":")) return "[^/]+";
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}/?$`);
}

/**
 * The answer for a path no route takes: 405 naming the allowed methods when the path exists under another
 * method, else 404. Middleware registers as ALL and catch-alls (the web app's `GET *`) end in a wildcard;
 * neither says a path exists, so only the other routes count.
 */
export function unknownRoute(routes: readonly Route[]) {
  let patterns: { method: string; pattern: RegExp }[] | undefined;
  return (c: Context<AppEnv>) => {
    patterns ??= routes
      .filter((r) => r.method !== "ALL" && !r.path.includes("*"))
      .map((r) => ({ method: r.method, pattern: routePattern(r.path) }));
    const allowed = [...new Set(patterns.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method))];
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      c.header("Allow", allowed.join(", "));
      return stackErrorResponse(c, methodNotAllowed(c, allowed));
    }
    return errorResponse(
      c,
      new AppError("not_found", `No route ${c.req.method} ${c.req.path}.`, {
        fix: "See the API reference at /api/docs for the routes and their methods.",
      }),
    );
  };
}

/** Unknown errors are logged with the request id and answered as a masked `internal`. */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof AppError) {
    return errorResponse(c, error);
  }
  if (error instanceof HTTPException && error.status >= 400 && error.status < 500) {
    const failure = STACK_FAILURES[error.status]?.(error, c) ?? otherStackFailure(error);
    return stackErrorResponse(c, failure);
  }
  const mapped = appErrorFromDatabase(error);
  if (mapped) {
    c.get("logger").warn({ err: error }, "database rejected the request's data");
    return errorResponse(c, mapped);
  }
  c.get("logger").error({ err: error }, "unhandled error");
  return errorResponse(
    c,
    new AppError("internal", "Something went wrong on our side. The request id helps support find it."),
  );
}

/** zod-openapi calls this for every request that fails its schema, before any handler runs. */
export function validationHook(result: { success: boolean; error?: z.ZodError }, c: Context<AppEnv>) {
  if (!result.success && result.error) {
    return errorResponse(c, invalidInput(result.error));
  }
  return undefined;
}
