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
