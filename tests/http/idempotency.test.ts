import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { idempotencyKeys } from "../../src/db/schema/index.ts";
import type { AppEnv } from "../../src/http/env.ts";
import { onError } from "../../src/http/errors.ts";
import { claimIdentity, idempotency } from "../../src/http/middleware/idempotency.ts";
import { requestContext } from "../../src/http/middleware/request-context.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { resolveApiKeyActor } from "../../src/modules/access/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let admin: ReturnType<typeof client>;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
// The app's clock runs with the system clock, shifted by `skew` so a test can let a lease lapse without sleeping.
let skew = 0;
const clock: Clock = { now: () => new Date(Date.now() + skew) };

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { clock });
  ws = await seedWorkspace(database, "Idem");
  admin = client(app, ws.apiKey);
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

describe("a claim left by a request that died", () => {
  const path = "/api/v1/companies";

  /** The row a request leaves when its process is killed after claiming the key: no response, a lease. */
  async function plantClaim(key: string, body: unknown, lease: { leaseExpiresAt: Date | null; createdAt: Date }) {
    const actor = await resolveApiKeyActor({ db: database.db, clock }, ws.apiKey);
    if (!actor) throw new Error("the seeded key does not resolve");
    const identity = claimIdentity(actor, "POST", path, JSON.stringify(body));
    await database.db.insert(idempotencyKeys).values({ ...identity, key, ...lease });
    return identity;
  }

  async function storedClaim(key: string, principal: string) {
    const [row] = await database.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
    return row;
  }

  async function companiesNamed(name: string): Promise<number> {
    const listed = await admin.get(`${path}?q=${encodeURIComponent(name)}&limit=100`);
    return listed.body.data.filter((c: { name: string }) => c.name === name).length;
  }

  it("is taken over by the retry once its lease has passed: the retry runs, is stored and replays", async () => {
    const body = { name: "Crashed Ltd" };
    const now = clock.now().getTime();
    const { principal } = await plantClaim("crashed-1", body, {
      createdAt: new Date(now - 30_000),
      leaseExpiresAt: new Date(now - 20_000),
    });
    const retry = await admin.post(path, body, { "idempotency-key": "crashed-1" });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(await storedClaim("crashed-1", principal)).toMatchObject({ responseStatus: 201, leaseExpiresAt: null });
    const again = await admin.post(path, body, { "idempotency-key": "crashed-1" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(retry.body);
    expect(await companiesNamed("Crashed Ltd")).toBe(1);
  });

  it("still answers 409 with Retry-After while the lease is live, and is taken over once it lapses", async () => {
    const body = { name: "Busy Ltd" };
    const now = clock.now().getTime();
    await plantClaim("busy-1", body, { createdAt: new Date(now), leaseExpiresAt: new Date(now + 10_000) });
    const refused = await admin.post(path, body, { "idempotency-key": "busy-1" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("in progress");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(await companiesNamed("Busy Ltd")).toBe(0);
    skew += 11_000;
    const later = await admin.post(path, body, { "idempotency-key": "busy-1" });
    expect(later.status).toBe(201);
    expect(await companiesNamed("Busy Ltd")).toBe(1);
  });

  it("with a different body is still a 409 and never taken over", async () => {
    const now = clock.now().getTime();
    await plantClaim(
      "other-1",
      { name: "Original Ltd" },
      {
        createdAt: new Date(now - 30_000),
        leaseExpiresAt: new Date(now - 20_000),
      },
    );
    const other = await admin.post(path, { name: "Different Ltd" }, { "idempotency-key": "other-1" });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain("different request");
    expect(await companiesNamed("Different Ltd")).toBe(0);
  });

  it("made before leases existed (no lease) counts as lapsed one lease after it was made", async () => {
    const now = clock.now().getTime();
    await plantClaim("legacy-fresh", { name: "Legacy A" }, { createdAt: new Date(now), leaseExpiresAt: null });
    await plantClaim("legacy-old", { name: "Legacy B" }, { createdAt: new Date(now - 60_000), leaseExpiresAt: null });
    expect((await admin.post(path, { name: "Legacy A" }, { "idempotency-key": "legacy-fresh" })).status).toBe(409);
    expect((await admin.post(path, { name: "Legacy B" }, { "idempotency-key": "legacy-old" })).status).toBe(201);
  });

  it("is taken over by exactly one of several concurrent retries", async () => {
    const body = { name: "Twin Ltd" };
    const now = clock.now().getTime();
    await plantClaim("twin-1", body, { createdAt: new Date(now - 30_000), leaseExpiresAt: new Date(now - 20_000) });
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => admin.post(path, body, { "idempotency-key": "twin-1" })),
    );
    const ran = responses.filter((r) => r.status === 201 && r.headers.get("idempotent-replayed") === null);
    expect(ran).toHaveLength(1);
    for (const r of responses) expect([201, 409]).toContain(r.status);
    expect(await companiesNamed("Twin Ltd")).toBe(1);
  });
});

describe("the lease of a running request", () => {
  /** The real middleware in front of a handler that waits until the test lets it finish. */
  function slowApp(leaseMs: number) {
    let runs = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = new Hono<AppEnv>();
    slow.onError(onError);
    slow.use(requestContext(createLogger(process.env.TEST_LOG_LEVEL ?? "silent")));
    slow.use(async (c, next) => {
      c.set("actor", { kind: "system", workspaceId: ws.workspaceId, scopes: new Set() });
      await next();
    });
    slow.use(idempotency({ db: database.db, clock: systemClock, idempotencyLeaseMs: leaseMs }));
    slow.post("/slow", async (c) => {
      runs += 1;
      await gate;
      return c.json({ runs }, 201);
    });
    const post = () => slow.request("/slow", { method: "POST", headers: { "idempotency-key": "slow-1" }, body: "{}" });
    return { post, runs: () => runs, release };
  }

  it("is renewed while it runs, so a retry meanwhile is 409 and never a second run", async () => {
    const leaseMs = 600;
    const { post, runs, release } = slowApp(leaseMs);
    const first = post();
    try {
      await new Promise((resolve) => setTimeout(resolve, leaseMs * 4));
      const meanwhile = await post();
      expect(meanwhile.status).toBe(409);
      expect(Number(meanwhile.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      release();
    }
    expect((await first).status).toBe(201);
    const replay = await post();
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(runs()).toBe(1);
  });
});
