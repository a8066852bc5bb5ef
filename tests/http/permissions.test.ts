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
type Operation = { method: string; path: string; scope: Scope; grants?: "scopes" | "role_id" };

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
  type DocOp = { "x-settle-scope"?: Scope; "x-settle-grants"?: "scopes" | "role_id" };
  for (const [path, methods] of Object.entries<Record<string, DocOp>>(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (op["x-settle-scope"]) {
        const grants = op["x-settle-grants"];
        operations.push({
          method: method.toUpperCase(),
          path,
          scope: op["x-settle-scope"],
          ...(grants ? { grants } : {}),
        });
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

/**
 * Escalation: every route that hands out access (it declares `x-settle-grants`) is called by a key holding
 * every scope but `invoices:read`, trying to grant exactly that scope (or the Admin role, which holds it).
 * Each must answer 403 and change nothing. A new granting route without a case here fails the test.
 */
describe("every scope-granting route", () => {
  const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const admin = () => client(app, homeKey);
  const adminRoleId = async () =>
    (await admin().get("/api/v1/roles")).body.data.find((r: { preset: string | null }) => r.preset === "admin").id;
  const invite = async (roleId: string) =>
    (await admin().post("/api/v1/members", { email: `target-${unique()}@example.test`, role_id: roleId })).body.id;
  const viewerRoleId = async () =>
    (await admin().get("/api/v1/roles")).body.data.find((r: { preset: string | null }) => r.preset === "viewer").id;

  /** For each granting route: the record it addresses (if any), the body that tries to escalate, what to compare. */
  const cases: Record<string, () => Promise<{ path: string; body: object; watch: string }>> = {
    "POST /api/v1/roles": async () => ({
      path: "/api/v1/roles",
      body: { name: `Esc ${unique()}`, scopes: ["companies:read", "invoices:read"] },
      watch: "/api/v1/roles",
    }),
    "PATCH /api/v1/roles/{id}": async () => {
      const role = await admin().post("/api/v1/roles", { name: `Low ${unique()}`, scopes: ["companies:read"] });
      return {
        path: `/api/v1/roles/${role.body.id}`,
        body: { scopes: ["companies:read", "invoices:read"] },
        watch: "/api/v1/roles",
      };
    },
    "POST /api/v1/members": async () => ({
      path: "/api/v1/members",
      body: { email: `esc-${unique()}@example.test`, role_id: await adminRoleId() },
      watch: "/api/v1/members?limit=100",
    }),
    "PATCH /api/v1/members/{id}": async () => ({
      path: `/api/v1/members/${await invite(await viewerRoleId())}`,
      body: { role_id: await adminRoleId() },
      watch: "/api/v1/members?limit=100",
    }),
    "POST /api/v1/members/{id}/invite": async () => ({
      path: `/api/v1/members/${await invite(await adminRoleId())}/invite`,
      body: {},
      watch: "/api/v1/members?limit=100",
    }),
    "POST /api/v1/api-keys": async () => ({
      path: "/api/v1/api-keys",
      body: { name: `esc ${unique()}`, scopes: ["companies:read", "invoices:read"] },
      watch: "/api/v1/api-keys?limit=100",
    }),
    "PATCH /api/v1/api-keys/{id}": async () => {
      const key = await admin().post("/api/v1/api-keys", { name: `low ${unique()}`, scopes: ["companies:read"] });
      return {
        path: `/api/v1/api-keys/${key.body.id}`,
        body: { scopes: ["companies:read", "invoices:read"] },
        watch: "/api/v1/api-keys?limit=100",
      };
    },
  };

  it("refuses to grant a scope the caller lacks, and nothing changes", async () => {
    const granting = operations.filter((o) => o.grants);
    expect(granting.length).toBeGreaterThanOrEqual(Object.keys(cases).length);
    const lesser = await admin().post("/api/v1/api-keys", {
      name: "everything but invoices:read",
      scopes: SCOPES.filter((s) => s !== "invoices:read"),
    });
    expect(lesser.status).toBe(201);
    for (const op of granting) {
      const name = `${op.method} ${op.path}`;
      const make = cases[name];
      expect(make, `no escalation case for ${name}`).toBeDefined();
      if (!make) continue;
      const attempt = await make();
      // last_used_at moves whenever a key is used; everything else must stay as it was.
      const watch = async () =>
        JSON.stringify((await admin().get(attempt.watch)).body, (k, v) => (k === "last_used_at" ? undefined : v));
      const before = await watch();
      const res = await client(app, lesser.body.key).call(op.method, attempt.path, attempt.body);
      expect(res.status, `${name} ${JSON.stringify(res.body)}`).toBe(403);
      expect(await watch(), `${name} changed something`).toEqual(before);
    }
  });
});
