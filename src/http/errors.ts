import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { AppError, type ErrorCode } from "../lib/errors.ts";
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
  if (error.code === "rate_limited" && typeof error.details?.retry_after === "number") {
    c.header("Retry-After", String(error.details.retry_after));
  }
  return c.json(errorBody(error, c.get("requestId")), STATUS[error.code]);
}

function isMalformedJson(error: unknown): boolean {
  return error instanceof HTTPException && error.status === 400;
}

/**
 * A safety net, not the rule: input is validated before it reaches the database, but a PostgreSQL error
 * caused by the request's data (a race on a unique key, a value the column cannot hold) is still the
 * caller's 4xx, not a 500. Codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
const DATABASE_ERRORS: Record<string, () => AppError> = {
  "23505": () => new AppError("conflict", "This conflicts with a record that already exists; reload and try again."),
  "23503": () =>
    new AppError("conflict", "A referenced record does not exist, or this record is still referenced by another."),
  "40001": () => new AppError("conflict", "The record changed while saving; try again."),
  "40P01": () => new AppError("conflict", "The record changed while saving; try again."),
  "22001": () => new AppError("invalid_input", "A text value is too long."),
  "22003": () => new AppError("invalid_input", "A number is out of range."),
  "22021": () =>
    new AppError("invalid_input", "A text value contains a character that cannot be stored (such as NUL)."),
  "22P05": () =>
    new AppError("invalid_input", "A text value contains a character that cannot be stored (such as NUL)."),
};

function databaseErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      return code;
    }
  }
  return undefined;
}

/** Unknown errors are logged with the request id and answered as a masked `internal`. */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof AppError) {
    return errorResponse(c, error);
  }
  if (isMalformedJson(error)) {
    return errorResponse(
      c,
      new AppError("invalid_input", "The request body is not valid JSON.", {
        issues: [{ field: "(body)", message: "malformed JSON" }],
      }),
    );
  }
  const mapped = DATABASE_ERRORS[databaseErrorCode(error) ?? ""];
  if (mapped) {
    c.get("logger").warn({ err: error }, "database rejected the request's data");
    return errorResponse(c, mapped());
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
