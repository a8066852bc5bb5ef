import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Acme");
});
afterAll(() => database.close());

describe("API keys", () => {
  it("creates a key whose secret is shown once and works as a bearer token", async () => {
    const admin = client(app, ws.apiKey);
    const created = await admin.post("/api/v1/api-keys", { name: "agent", scopes: ["members:read"] });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^stl_live_/);
    expect(created.body.id).toMatch(/^key_/);
    const list = await admin.get("/api/v1/api-keys");
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    const members = await client(app, created.body.key).get("/api/v1/members");
    expect(members.status).toBe(200);
    expect(members.body).toMatchObject({ has_more: false, next_cursor: null });
  });

  it("answers 403 insufficient_scope naming the scope the key lacks", async () => {
    const key = await keyWithScopes(database, ws, ["members:read"]);
    const res = await client(app, key).post("/api/v1/roles", { name: "x", scopes: [] });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "insufficient_scope", required_scope: "members:write" });
    expect(res.body.error.request_id).toBeTruthy();
  });

  it("refuses to grant scopes the creator does not hold", async () => {
    const key = await keyWithScopes(database, ws, ["api_keys:write", "members:read"]);
    const res = await client(app, key).post("/api/v1/api-keys", { name: "x", scopes: ["invoices:write"] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("invoices:write");
  });

  it("expands full access to the creator's scopes at creation and accepts deals:* aliases", async () => {
    const admin = client(app, ws.apiKey);
    const full = await admin.post("/api/v1/api-keys", { name: "full", scopes: "full_access" });
    expect(full.body.scopes).toContain("invoices:write");
    const alias = await admin.post("/api/v1/api-keys", { name: "alias", scopes: ["deals:read"] });
    expect(alias.body.scopes).toEqual(["opportunities:read"]);
  });

  it("rejects an unknown scope with the allowed values", async () => {
    const res = await client(app, ws.apiKey).post("/api/v1/api-keys", { name: "x", scopes: ["money:print"] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("invoices:read");
  });

  it("revoked keys stop working", async () => {
    const admin = client(app, ws.apiKey);
    const created = await admin.post("/api/v1/api-keys", { name: "temp", scopes: ["members:read"] });
    expect((await admin.delete(`/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await client(app, created.body.key).get("/api/v1/members")).status).toBe(401);
  });
});

describe("bad input", () => {
  it("names malformed JSON, unknown fields and over-long strings without changing anything", async () => {
    const admin = client(app, ws.apiKey);
    const before = await admin.get("/api/v1/roles");
    const malformed = await admin.call("POST", "/api/v1/roles", "{not json", { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_input");
    const unknown = await admin.post("/api/v1/roles", { name: "r", scopes: [], colour: "red" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain("colour");
    const long = await admin.post("/api/v1/roles", { name: "x".repeat(500), scopes: [] });
    expect(long.status).toBe(400);
    expect(long.body.error.issues[0].field).toBe("name");
    expect((await admin.get("/api/v1/roles")).body).toEqual(before.body);
  });
});
