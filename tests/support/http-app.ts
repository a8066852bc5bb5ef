import { serve } from "@hono/node-server";
import type { Database } from "../../src/db/client.ts";
import type { AppDeps } from "../../src/http/deps.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { createTestApp } from "./app.ts";

/** Settle's app on a real listener (127.0.0.1, a free port), so tests go through real HTTP and cookies. */
export async function serveTestApp(database: Database, overrides: Partial<AppDeps> & { clock?: Clock } = {}) {
  const app = createTestApp(database, overrides);
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s));
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return { origin, close: () => new Promise<void>((done) => server.close(() => done())) };
}

export type HttpResult = { status: number; body: any; headers: Headers };

/** A browser-like caller: keeps the session cookie and echoes the CSRF token on writes. */
export function browser(origin: string) {
  let cookie = "";
  let csrf = "";
  const call = async (method: string, path: string, body?: unknown): Promise<HttpResult> => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = res.headers.get("set-cookie");
    if (set?.startsWith("settle_session=")) {
      cookie = set.split(";")[0] ?? "";
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    async signIn(email: string, password: string, workspaceId?: string) {
      const res = await call("POST", "/api/v1/session", {
        email,
        password,
        ...(workspaceId ? { workspace_id: workspaceId } : {}),
      });
      csrf = res.status === 200 ? String(res.body.csrf_token) : "";
      return res;
    },
    get: (path: string) => call("GET", path),
    post: (path: string, body: unknown = {}) => call("POST", path, body),
    patch: (path: string, body: unknown) => call("PATCH", path, body),
    delete: (path: string) => call("DELETE", path),
  };
}
