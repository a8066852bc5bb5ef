import type { Context } from "hono";
import { msInstant } from "../core/dates.ts";
import { newId } from "../core/ids.ts";
import { DEMO_APP } from "../identity/demo-app.ts";

/** Xero's problem+json shape for 401/403. */
export function problem(c: Context, status: 401 | 403, detail: string): Response {
  return c.json(
    {
      Type: null,
      Title: status === 401 ? "Unauthorized" : "Forbidden",
      Status: status,
      Detail: detail,
      Instance: newId(),
      Extensions: {},
    },
    status,
  );
}

export function notFound(c: Context): Response {
  return c.text("The resource you're looking for cannot be found", 404);
}

export function validationException(c: Context, elements: unknown[]): Response {
  return c.json(
    { ErrorNumber: 10, Type: "ValidationException", Message: "A validation exception occurred", Elements: elements },
    400,
  );
}

export function singleValidationError(c: Context, message: string, entity: Record<string, unknown> = {}): Response {
  return validationException(c, [{ ...entity, ValidationErrors: [{ Message: message }] }]);
}

export function postDataInvalid(c: Context, message: string): Response {
  return c.json({ ErrorNumber: 14, Type: "PostDataInvalidException", Message: message }, 400);
}

export function queryParseError(c: Context, message: string): Response {
  return c.json({ ErrorNumber: 16, Type: "QueryParseException", Message: message }, 400);
}

/** The success envelope every accounting collection response carries. */
export function envelope(
  nowMs: number,
  key: string,
  items: unknown[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    Id: newId(),
    Status: "OK",
    ProviderName: DEMO_APP.name,
    DateTimeUTC: msInstant(nowMs),
    ...extra,
    [key]: items,
  };
}
