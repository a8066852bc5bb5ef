/** A typed fetch client for /api/v1: JSON in and out, the session's CSRF token on writes, errors as ApiError. */

export type FieldIssue = { field: string; message: string; allowed?: string[] };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fix: string | undefined;
  readonly issues: FieldIssue[];
  readonly requestId: string | undefined;

  constructor(
    status: number,
    body: { code: string; message: string; fix?: string; issues?: FieldIssue[]; request_id?: string },
  ) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.fix = body.fix;
    this.issues = body.issues ?? [];
    this.requestId = body.request_id;
  }

  /** The message for one input, matching `name` or a dotted path that ends in it. */
  issueFor(field: string): string | undefined {
    return this.issues.find((i) => i.field === field || i.field.endsWith(`.${field}`))?.message;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | undefined | null>;
type Options = { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown; query?: Query };

function withQuery(path: string, query?: Query): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string } } {
  if (typeof value !== "object" || value === null || !("error" in value)) {
    return false;
  }
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "message" in error && "code" in error;
}

async function toError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.error);
  }
  return new ApiError(response.status, {
    code: `http_${response.status}`,
    message: `The server answered ${response.status} ${response.statusText}.`,
    fix: "Try again in a moment; if it keeps happening, check the server logs.",
  });
}

export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
  }
  if (method !== "GET" && csrfToken) {
    headers["x-csrf-token"] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, {
      code: "network",
      message: "Could not reach the Settle server.",
      fix: "Check your connection and that the server is running, then try again.",
    });
  }
  if (!response.ok) {
    throw await toError(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
