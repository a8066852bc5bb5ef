import { AppError } from "./errors.ts";

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
  "22007": () => new AppError("invalid_input", "A date or time is not valid."),
  "22008": () => new AppError("invalid_input", "A date or time is out of range."),
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

/**
 * The AppError a transport answers with when the database refused the request's data, or undefined when the
 * error is not one of those (then it is a real failure: log it and answer `internal`). REST and MCP both use it.
 */
export function appErrorFromDatabase(error: unknown): AppError | undefined {
  return DATABASE_ERRORS[databaseErrorCode(error) ?? ""]?.();
}
