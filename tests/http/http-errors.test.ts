import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

/** Errors the HTTP stack raises before any verb runs carry the same envelope as every other error. */
let database: Database;
let app: TestApp;
let auth: Record<string, string>;
let companyId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const ws = await seedWorkspace(database, "Stack");
  auth = { authorization: `Bearer ${ws.apiKey}` };
  const created = await send("POST", "/api/v1/companies", {
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ name: "Acme" }),
  });
  companyId = created.body.id;
});
afterAll(() => database.close());

type Sent = { status: number; headers: Headers; body: any };

async function send(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const response = await app.request(path, { method, ...init });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the assertions below say so
  }
  return { status: response.status, headers: response.headers, body } as Sent;
}

function expectEnvelope(response: Sent, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.body.error).toMatchObject({ code, message: expect.any(String), request_id: expect.any(String) });
}

const json = JSON.stringify({ email: "someone@example.test", password: "not the password" });
const multipart = {
  type: "multipart/form-data; boundary=settle",
  body: '--settle\r\nContent-Disposition: form-data; name="name"\r\n\r\nAcme\r\n--settle--\r\n',
};

describe("a body that is not JSON (415)", () => {
  it.each([
    ["/api/v1/session", "text/plain", json],
    ["/api/v1/session", "application/x-www-form-urlencoded", "email=a%40b.test&password=x"],
    ["/api/v1/session", multipart.type, multipart.body],
    ["/api/v1/invites/accept", "text/plain", JSON.stringify({ token: "t", password: "long enough password" })],
    ["/api/v1/invites/accept", "application/x-www-form-urlencoded", "token=t&password=x"],
  ])("POST %s as %s answers 415 asking for JSON", async (path, type, body) => {
    const response = await send("POST", path, { headers: { "content-type": type }, body });
    expectEnvelope(response, 415, "unsupported_media_type");
    expect(response.body.error.fix).toContain("Content-Type: application/json");
    expect(response.body.error.issues).toEqual([{ field: "Content-Type", message: "must be application/json" }]);
  });

  it("is a 415 on authenticated routes too, without a Content-Type, and stores nothing", async () => {
    const before = (await send("GET", "/api/v1/companies", { headers: auth })).body.data.length;
    const cases: [string, string, Record<string, string>, string][] = [
      ["POST", "/api/v1/companies", { "content-type": "text/plain" }, JSON.stringify({ name: "Plain" })],
      ["POST", "/api/v1/companies", { "content-type": multipart.type }, multipart.body],
      ["POST", "/api/v1/companies", {}, JSON.stringify({ name: "Untyped" })],
      ["PATCH", `/api/v1/companies/${companyId}`, { "content-type": "text/plain" }, JSON.stringify({ name: "X" })],
      ["POST", "/api/v1/roles", { "content-type": "application/x-www-form-urlencoded" }, "name=R"],
    ];
    for (const [method, path, headers, body] of cases) {
      const response = await send(method, path, { headers: { ...auth, ...headers }, body });
      expectEnvelope(response, 415, "unsupported_media_type");
      expect(response.body.error.message, `${method} ${path}`).toContain("JSON");
    }
    expect((await send("GET", "/api/v1/companies", { headers: auth })).body.data.length).toBe(before);
    expect((await send("GET", `/api/v1/companies/${companyId}`, { headers: auth })).body.name).toBe("Acme");
  });

  it("still answers malformed JSON with a 400 naming the body", async () => {
    const response = await send("POST", "/api/v1/companies", {
      headers: { ...auth, "content-type": "application/json" },
      body: "{not json",
    });
    expectEnvelope(response, 400, "invalid_input");
    expect(response.body.error.issues).toEqual([{ field: "(body)", message: "malformed JSON" }]);
  });
});

describe("a method the path does not take (405)", () => {
  it.each([
    ["PUT", "/api/v1/companies", ["GET", "POST"]],
    ["DELETE", "/api/v1/companies", ["GET", "POST"]],
    ["PUT", "/api/v1/companies/{id}", ["GET", "PATCH"]],
    ["POST", "/health", ["GET"]],
  ] as const)("%s %s answers 405 with Allow", async (method, at, allowed) => {
    const response = await send(method, at.replace("{id}", companyId), { headers: auth });
    expectEnvelope(response, 405, "method_not_allowed");
    const allow = (response.headers.get("allow") ?? "").split(/,\s*/);
    for (const m of allowed) expect(allow).toContain(m);
    expect(allow).not.toContain(method);
    expect(response.body.error.fix).toMatch(/^Use /);
  });

  it("leaves unknown paths a 404 with the envelope, under /api and outside it", async () => {
    expectEnvelope(await send("GET", "/api/v1/nowhere", { headers: auth }), 404, "not_found");
    expectEnvelope(await send("PUT", "/api/v1/nowhere", { headers: auth }), 404, "not_found");
    expectEnvelope(await send("GET", "/nowhere"), 404, "not_found");
  });

  it("does not count the web app's catch-all as a route for every path", async () => {
    const dist = mkdtempSync(join(tmpdir(), "settle-web-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Settle</title>");
    const withWeb = createTestApp(database, { webDistDir: dist });
    const unknown = await withWeb.request("/api/v1/nowhere", { method: "PUT", headers: auth });
    expect(unknown.status).toBe(404);
    const known = await withWeb.request("/api/v1/companies", { method: "PUT", headers: auth });
    expect(known.status).toBe(405);
    expect((await withWeb.request("/some/page")).status).toBe(200);
  });
});

describe("a body over the limit (413)", () => {
  it("answers 413 naming the limit, and stores nothing", async () => {
    const response = await send("POST", "/api/v1/companies", {
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ name: "Huge", notes: "x".repeat(1024 * 1024) }),
    });
    expectEnvelope(response, 413, "payload_too_large");
    expect(response.body.error.message).toContain("1 MiB");
    const names = (await send("GET", "/api/v1/companies", { headers: auth })).body.data.map(
      (c: { name: string }) => c.name,
    );
    expect(names).not.toContain("Huge");
  });
});

describe("malformed URL encoding and cookies", () => {
  it("never answers 5xx to a malformed percent-encoding in the path or the query", async () => {
    expectEnvelope(await send("GET", "/api/v1/companies/%E0%A4%A", { headers: auth }), 404, "not_found");
    expectEnvelope(await send("GET", "/api/v1/companies/%", { headers: auth }), 404, "not_found");
    expectEnvelope(await send("GET", "/api/v1/%E0%A4%A", { headers: auth }), 404, "not_found");
    expectEnvelope(await send("GET", "/%E0%A4%A"), 404, "not_found");
    const limit = await send("GET", "/api/v1/companies?limit=%", { headers: auth });
    expectEnvelope(limit, 400, "invalid_input");
    expect(limit.body.error.issues.map((i: { field: string }) => i.field)).toContain("limit");
    for (const query of ["?q=%E0%A4%A", "?q=%", "?%E0%A4%A=1", "?cursor=%ZZ"]) {
      const response = await send("GET", `/api/v1/companies${query}`, { headers: auth });
      expect(response.status, query).toBeLessThan(500);
    }
  });

  it("answers a malformed session cookie with 401 and the envelope", async () => {
    for (const cookie of [
      "settle_session=%E0%A4%A",
      "settle_session=%",
      'settle_session="unterminated',
      "=;;=;\u0001",
    ]) {
      const response = await send("GET", "/api/v1/me", { headers: { cookie } });
      expectEnvelope(response, 401, "unauthorized");
      expect(response.body.error.fix, cookie).toBeTruthy();
    }
    const write = await send("POST", "/api/v1/companies", {
      headers: { cookie: "settle_session=%E0; settle_csrf=%", "x-csrf-token": "%", "content-type": "application/json" },
      body: "{}",
    });
    expectEnvelope(write, 401, "unauthorized");
  });
});
