import type { Database } from "../../src/db/client.ts";
import { createApp } from "../../src/http/app.ts";
import type { AppDeps } from "../../src/http/deps.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";

export function createTestApp(database: Database, overrides: Partial<AppDeps> & { clock?: Clock } = {}) {
  return createApp({
    db: database.db,
    clock: systemClock,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    publicUrl: "http://localhost:3000",
    cookieSecure: false,
    rateLimitPerMinute: 100_000,
    loginRateLimitPerMinute: 1_000,
    ...overrides,
  });
}

export type TestApp = ReturnType<typeof createTestApp>;

export type ApiResponse = { status: number; body: any; headers: Headers };

/** A tiny client over app.request() that speaks JSON with a bearer key. */
export function client(app: TestApp, key?: string, extraHeaders: Record<string, string> = {}) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> => {
    const response = await app.request(path, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...extraHeaders,
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON; keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call("GET", path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call("POST", path, body ?? {}, headers),
    patch: (path: string, body: unknown, headers?: Record<string, string>) => call("PATCH", path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => call("DELETE", path, undefined, headers),
    call,
  };
}
