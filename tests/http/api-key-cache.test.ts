import type { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/context.ts";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { apiKeys } from "../../src/db/schema/index.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { acceptInvite, createApiKey, inviteMember, SCOPES, updateRole } from "../../src/modules/access/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * API keys are resolved once and cached per process. Two app instances here stand for two processes: each has
 * its own database handle (its own pool, its own cache) on one database. Whatever one instance changes about a
 * key, the other honours on its very next request.
 */
let database: Database;
let other: Database;
let one: TestApp;
let two: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let opportunityId: string;
let roles: { id: string; name: string; preset: string | null; scopes: string[] }[];

/** A second handle on the same database, as another process would open it. */
async function secondHandle(first: Database): Promise<Database> {
  const driver = (first.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (first.kind === "pglite") {
    // Closing the first handle closes the shared PGlite.
    return { ...(await openDatabase({ pglite: driver as PGlite })), close: async () => undefined };
  }
  return openDatabase({ databaseUrl: (driver as pg.Pool).options.connectionString, poolSize: 2 });
}

beforeAll(async () => {
  database = await createTestDatabase();
  other = await secondHandle(database);
  one = createTestApp(database);
  two = createTestApp(other);
  ws = await seedWorkspace(database, "Key cache");
  opportunityId = (await seedDeal(ws.ctx, 1)).opportunity.id;
  roles = (await client(one, ws.apiKey).get("/api/v1/roles")).body.data;
});
afterAll(async () => {
  await other.close();
  await database.close();
});

const adminOn = (app: TestApp) => client(app, ws.apiKey);
const keyId = async (name: string) =>
  (await adminOn(one).get("/api/v1/api-keys?limit=100")).body.data.find((k: { name: string }) => k.name === name).id;

async function namedKey(name: string, scopes: string[]) {
  const created = await adminOn(one).post("/api/v1/api-keys", { name, scopes });
  expect(created.status).toBe(201);
  return created.body.key as string;
}

describe("a key cached by one instance", () => {
  it("is refused by it on the next request after another instance revokes it", async () => {
    const key = await namedKey("revoked elsewhere", ["opportunities:read"]);
    for (let i = 0; i < 3; i++) {
      expect((await client(two, key).get("/api/v1/opportunities")).status).toBe(200);
    }
    expect((await adminOn(one).delete(`/api/v1/api-keys/${await keyId("revoked elsewhere")}`)).status).toBe(204);
    const refused = await client(two, key).get("/api/v1/opportunities");
    expect(refused.status).toBe(401);
    expect((await client(one, key).get("/api/v1/opportunities")).status).toBe(401);
  });

  it("is refused right after a revoke while its earlier requests are still being answered", async () => {
    const key = await namedKey("revoked under load", ["opportunities:read"]);
    expect((await client(two, key).get("/api/v1/opportunities")).status).toBe(200);
    const earlier = Array.from({ length: 20 }, () => client(two, key).get("/api/v1/opportunities"));
    expect((await adminOn(one).delete(`/api/v1/api-keys/${await keyId("revoked under load")}`)).status).toBe(204);
    const later = Array.from({ length: 5 }, () => client(two, key).get("/api/v1/opportunities"));
    for (const response of await Promise.all(later)) {
      expect(response.status).toBe(401);
    }
    for (const response of await Promise.all(earlier)) {
      expect([200, 401]).toContain(response.status);
    }
  });

  it("loses a scope on the next request after another instance edits the key", async () => {
    const key = await namedKey("narrowed elsewhere", ["opportunities:read", "invoices:read"]);
    const lines = `/api/v1/opportunities/${opportunityId}/products`;
    const before = await client(two, key).get(lines);
    expect(before.body.data[0].payment_status).toBe("unpaid");
    expect((await client(two, key).get(`/api/v1/opportunities/${opportunityId}/invoices`)).status).toBe(200);
    const id = await keyId("narrowed elsewhere");
    expect((await adminOn(one).patch(`/api/v1/api-keys/${id}`, { scopes: ["opportunities:read"] })).status).toBe(200);
    expect((await client(two, key).get(`/api/v1/opportunities/${opportunityId}/invoices`)).status).toBe(403);
    const after = await client(two, key).get(lines);
    expect(after.status).toBe(200);
    expect(after.body.data[0]).not.toHaveProperty("payment_status");
  });

  it("narrows on the next request after another instance edits its creator's role", async () => {
    const key = await keyWithScopes(database, ws, ["opportunities:read", "invoices:read"]);
    const invoicesPath = `/api/v1/opportunities/${opportunityId}/invoices`;
    expect((await client(two, key).get(invoicesPath)).status).toBe(200);
    const adminRole = roles.find((r) => r.name === "Admin");
    if (!adminRole) throw new Error("no Admin role");
    const narrowed = adminRole.scopes.filter((s) => s !== "invoices:read");
    expect((await adminOn(one).patch(`/api/v1/roles/${adminRole.id}`, { scopes: narrowed })).status).toBe(200);
    try {
      expect((await client(two, key).get(invoicesPath)).status).toBe(403);
    } finally {
      // The admin's own key lost invoices:read with the role, so it could not grant it back.
      await updateRole({ ...ws.ctx, db: other.db }, { id: adminRole.id, scopes: adminRole.scopes });
    }
    expect((await client(two, key).get(invoicesPath)).status).toBe(200);
  });

  it("is refused on the next request after another instance changes its creator's role or removes them", async () => {
    const adminRole = roles.find((r) => r.preset === "admin");
    const viewerRole = roles.find((r) => r.preset === "viewer");
    if (!adminRole || !viewerRole) throw new Error("presets missing");
    const deps = { db: database.db, clock: systemClock };
    const systemCtx = { ...deps, actor: ws.ctx.actor };
    const invited = await inviteMember(systemCtx, { email: "second.admin@example.test", role_id: adminRole.id });
    await acceptInvite(deps, { token: invited.inviteToken, password: "a good long password" });
    const member: Actor = {
      kind: "member",
      workspaceId: ws.workspaceId,
      userId: invited.userId,
      memberId: invited.id,
      scopes: new Set(SCOPES),
    };
    const created = await createApiKey({ ...deps, actor: member }, { name: "made by a member", scopes: "full_access" });
    const key = created.key;
    expect((await client(two, key).post("/api/v1/companies", { name: "Before" })).status).toBe(201);

    const demoted = await adminOn(one).patch(`/api/v1/members/${invited.id}`, { role_id: viewerRole.id });
    expect(demoted.status).toBe(200);
    expect((await client(two, key).post("/api/v1/companies", { name: "After demotion" })).status).toBe(403);
    expect((await client(two, key).get("/api/v1/companies")).status).toBe(200);

    expect((await adminOn(one).delete(`/api/v1/members/${invited.id}`)).status).toBe(204);
    expect((await client(two, key).get("/api/v1/companies")).status).toBe(401);
  });
});

describe("last_used_at", () => {
  it("is written at most once a minute, across instances", async () => {
    let now = new Date("2031-03-01T10:00:00Z");
    const clock: Clock = { now: () => now };
    const first = createTestApp(database, { clock });
    const second = createTestApp(other, { clock });
    const key = await namedKey("last used", ["opportunities:read"]);
    const lastUsed = async () => {
      const [row] = await database.db
        .select({ at: apiKeys.lastUsedAt })
        .from(apiKeys)
        .where(eq(apiKeys.id, await keyId("last used")));
      return row?.at?.toISOString() ?? null;
    };
    expect(await lastUsed()).toBeNull();
    await client(first, key).get("/api/v1/opportunities");
    expect(await lastUsed()).toBe("2031-03-01T10:00:00.000Z");

    now = new Date("2031-03-01T10:00:30Z");
    await client(first, key).get("/api/v1/opportunities");
    await client(second, key).get("/api/v1/opportunities");
    expect(await lastUsed()).toBe("2031-03-01T10:00:00.000Z");

    now = new Date("2031-03-01T10:01:01Z");
    await client(second, key).get("/api/v1/opportunities");
    expect(await lastUsed()).toBe("2031-03-01T10:01:01.000Z");
    now = new Date("2031-03-01T10:01:20Z");
    await client(first, key).get("/api/v1/opportunities");
    expect(await lastUsed()).toBe("2031-03-01T10:01:01.000Z");
  });
});
