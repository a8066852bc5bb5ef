import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { createWorkspace } from "../../src/modules/access/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { loginRateLimitPerMinute: 5 });
  await createWorkspace(
    { db: database.db, clock: systemClock },
    { name: "S", admin_email: "Owner@Example.test", admin_password: "long enough password" },
  );
});
afterAll(() => database.close());

async function signIn(email: string, password: string) {
  const res = await client(app).post("/api/v1/session", { email, password }, { "x-forwarded-for": "1" });
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  return { res, cookie };
}

describe("web sessions", () => {
  it("signs in with a case-insensitive email, sets an HttpOnly cookie and requires the CSRF token on writes", async () => {
    const { res, cookie } = await signIn("owner@example.test", "long enough password");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    const web = client(app, undefined, { cookie });
    const me = await web.get("/api/v1/me");
    expect(me.body.scopes).toContain("members:write");
    expect(me.body.csrf_token).toBe(res.body.csrf_token);
    const without = await web.post("/api/v1/roles", { name: "No CSRF", scopes: [] });
    expect(without.status).toBe(403);
    const withToken = await web.post(
      "/api/v1/roles",
      { name: "With CSRF", scopes: [] },
      { "x-csrf-token": res.body.csrf_token },
    );
    expect(withToken.status).toBe(201);
    expect((await web.delete("/api/v1/session", { "x-csrf-token": res.body.csrf_token })).status).toBe(204);
    expect((await web.get("/api/v1/me")).status).toBe(401);
  });

  it("rejects a wrong password with 401 and rate limits repeated attempts with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const { res } = await signIn("owner@example.test", "wrong password!");
      statuses.push(res.status);
      retryAfter ??= res.headers.get("retry-after");
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it("sends security headers", async () => {
    const res = await client(app).get("/health");
    expect(res.body).toEqual({ status: "ok" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("serves an OpenAPI 3.1 document and a reference page", async () => {
    const doc = await client(app).get("/api/openapi.json");
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths)).toContain("/api/v1/api-keys");
    const page = await app.request("/api/docs");
    expect(await page.text()).toContain("swagger-ui-bundle.js");
  });
});
