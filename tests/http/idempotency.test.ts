import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let admin: ReturnType<typeof client>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  admin = client(app, (await seedWorkspace(database, "Idem")).apiKey);
});
afterAll(() => database.close());

describe("Idempotency-Key", () => {
  it("replays the first response for the same key and body without repeating the effect", async () => {
    const headers = { "idempotency-key": "create-role-1" };
    const first = await admin.post("/api/v1/roles", { name: "Once", scopes: [] }, headers);
    const second = await admin.post("/api/v1/roles", { name: "Once", scopes: [] }, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const roles = (await admin.get("/api/v1/roles")).body.data.filter((r: { name: string }) => r.name === "Once");
    expect(roles).toHaveLength(1);
  });

  it("answers 409 for the same key with a different body", async () => {
    const headers = { "idempotency-key": "create-role-2" };
    await admin.post("/api/v1/roles", { name: "First", scopes: [] }, headers);
    const other = await admin.post("/api/v1/roles", { name: "Second", scopes: [] }, headers);
    expect(other.status).toBe(409);
  });
});
