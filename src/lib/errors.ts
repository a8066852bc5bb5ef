/** The closed set of failures a verb may report; each surface maps them once (HTTP in src/http/errors.ts). */
export const ERROR_CODES = [
  "invalid_input",
  "unauthorized",
  "forbidden",
  "insufficient_scope",
  "not_found",
  "conflict",
  "precondition_failed",
  "rate_limited",
  "upstream_failed",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorIssue = { field: string; message: string; allowed?: readonly string[] };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fix: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly issues: ErrorIssue[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fix?: string; details?: Record<string, unknown>; issues?: ErrorIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fix = options.fix;
    this.details = options.details;
    this.issues = options.issues;
  }
}

export function notFound(what: string, id: string): AppError {
  return new AppError("not_found", `No ${what} with id ${id} in this workspace.`, { details: { id } });
}
