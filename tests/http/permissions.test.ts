import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { seedDemo } from "../../src/demo/seed-demo.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { SCOPES, type Scope } from "../../src/modules/access/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * Generated from the OpenAPI document, so a new route is covered the moment it exists: every route that
 * declares a scope is tried with no key (401), a key lacking exactly that scope (403 naming it) and, where
 * it addresses a record, a full-access key from another workspace (404, and nothing changes).
 */
type Operation = { method: string; path: string; scope: Scope };

let database: Database;
let app: TestApp;
let operations: Operation[];
let homeKey: string;
let otherWorkspace: Awaited<ReturnType<typeof seedWorkspace>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const demo = await seedDemo({ db: database.db, clock: systemClock });
  if (!demo) {
    throw new Error("demo seed did not run on an empty database");
  }
  homeKey = demo.apiKey;
  otherWorkspace = await seedWorkspace(database, "Other");
  const doc = (await client(app).get("/api/openapi.json")).body;
  operations = [];
  for (const [path, methods] of Object.entries<Record<string, { "x-settle-scope"?: Scope }>>(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (op["x-settle-scope"]) {
        operations.push({ method: method.toUpperCase(), path, scope: op["x-settle-scope"] });
      }
    }
  }
});
afterAll(() => database.close());

/** Fills `{param}`s left to right with real ids of the demo workspace, listing the collection before each. */
async function concretePath(path: string): Promise<string | null> {
  const parts = path.split("/");
  let built = "";
  for (const part of parts) {
    if (!part.startsWith("{")) {
      built = part === "" ? built : `${built}/${part}`;
      continue;
    }
    const list = await client(app, homeKey).get(built);
    const first = list.body?.data?.[0]?.id;
    if (typeof first !== "string") {
      return null;
    }
    built += `/${first}`;
  }
  return built;
}

/** What a record looks like to its owner, for "nothing changed" checks (request ids differ by design). */
async function snapshot(path: string): Promise<unknown> {
  const res = await client(app, homeKey).get(path.replace(/\/[^/]+$/, "") || path);
  return res.status === 200 ? res.body : res.status;
}

function dummyPath(path: string): string {
  return path.replace(/\{[^}]+\}/g, "x_1");
}

describe("every scoped route", () => {
  it("is documented with a scope", () => {
    expect(operations.length).toBeGreaterThan(5);
  });

  it("answers 401 without credentials", async () => {
    for (const op of operations) {
      const res = await client(app).call(op.method, dummyPath(op.path), op.method === "GET" ? undefined : {});
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
    }
  });

  it("answers 403 naming the scope to a key that lacks exactly that scope", async () => {
    for (const op of operations) {
      const key = await keyWithScopes(
        database,
        otherWorkspace,
        SCOPES.filter((s) => s !== op.scope),
      );
      const res = await client(app, key).call(op.method, dummyPath(op.path), op.method === "GET" ? undefined : {});
      expect(res.status, `${op.method} ${op.path} ${JSON.stringify(res.body)}`).toBe(403);
      expect(res.body.error.required_scope, `${op.method} ${op.path}`).toBe(op.scope);
    }
  });

  it("answers 404 to another workspace's full-access key for records it does not own", async () => {
    let checked = 0;
    for (const op of operations.filter((o) => o.path.includes("{"))) {
      const path = await concretePath(op.path);
      if (!path) {
        continue;
      }
      const before = await snapshot(path);
      const res = await client(app, otherWorkspace.apiKey).call(
        op.method,
        path,
        op.method === "GET" || op.method === "DELETE" ? undefined : {},
      );
      expect([404, 400], `${op.method} ${op.path}`).toContain(res.status);
      // A route with a body validates it before loading the record, so `{}` may be a 400; never a 2xx or 403.
      if (op.method === "GET" || op.method === "DELETE") {
        expect(res.status, `${op.method} ${op.path}`).toBe(404);
      }
      expect(await snapshot(path), `${op.method} ${op.path} changed another workspace's data`).toEqual(before);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(2);
  });
});
