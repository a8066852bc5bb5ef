import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { ADMIN_PASSWORD, seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let admin: ReturnType<typeof client>;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { clock });
  ws = await seedWorkspace(database, "Hardening");
  admin = client(app, ws.apiKey);
});
afterAll(() => database.close());

const presetId = async (preset: string) =>
  (await admin.get("/api/v1/roles")).body.data.find((r: { preset: string | null }) => r.preset === preset).id;
const tokenOf = (url: unknown) => String(url).split("#")[1] ?? "";
const anonymous = () => client(app);

async function signIn(email: string, password: string) {
  const res = await app.request("/api/v1/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { csrf_token: string };
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { status: res.status, session: client(app, undefined, { cookie, "x-csrf-token": body.csrf_token }) };
}

async function memberWithRole(email: string, roleId: string, password = "a fine phrase of mine") {
  const invited = await admin.post("/api/v1/members", { email, role_id: roleId });
  await anonymous().post("/api/v1/invites/accept", { token: tokenOf(invited.body.invite_url), password });
  const { session } = await signIn(email, password);
  return { memberId: invited.body.id as string, session };
}

describe("role escalation", () => {
  it("a custom role with members:write cannot make its own member Admin, nor grant what it lacks", async () => {
    const manager = await admin.post("/api/v1/roles", {
      name: "Manager",
      scopes: ["members:read", "members:write", "companies:read"],
    });
    const { memberId, session } = await memberWithRole("manager@example.test", manager.body.id);
    const selfPromote = await session.patch(`/api/v1/members/${memberId}`, { role_id: await presetId("admin") });
    expect(selfPromote.status).toBe(403);
    expect((await session.post("/api/v1/roles", { name: "Rich", scopes: ["invoices:read"] })).status).toBe(403);
    const widen = await session.patch(`/api/v1/roles/${manager.body.id}`, {
      scopes: ["members:read", "members:write", "companies:read", "invoices:read"],
    });
    expect(widen.status).toBe(403);
    expect(widen.body.error.issues[0]).toMatchObject({ field: "scopes" });
    const asAdmin = await session.post("/api/v1/members", {
      email: "friend@example.test",
      role_id: await presetId("admin"),
    });
    expect(asAdmin.status).toBe(403);
    // The admin's own member is out of reach too: demoting someone who holds more is escalation by other means.
    const owner = (await admin.get("/api/v1/members?limit=100")).body.data.find(
      (m: { user_id: string }) => m.user_id === ws.userId,
    );
    expect((await session.patch(`/api/v1/members/${owner.id}`, { role_id: manager.body.id })).status).toBe(403);
    expect((await session.delete(`/api/v1/members/${owner.id}`)).status).toBe(403);
    // Within its own scopes it still manages members.
    const ok = await session.post("/api/v1/members", { email: "colleague@example.test", role_id: manager.body.id });
    expect(ok.status).toBe(201);
    expect(
      (await admin.get(`/api/v1/roles`)).body.data.find((r: { id: string }) => r.id === manager.body.id).scopes,
    ).toEqual(["companies:read", "members:read", "members:write"]);
  });
});

describe("invites", () => {
  it("expire after 7 days by default; a resent invite works again and the old link does not", async () => {
    const invited = await admin.post("/api/v1/members", {
      email: "late@example.test",
      role_id: await presetId("viewer"),
    });
    expect(Date.parse(invited.body.invite_expires_at) - clock.now().getTime()).toBeGreaterThan(6.9 * DAY);
    offsetMs = 8 * DAY;
    try {
      const late = await anonymous().post("/api/v1/invites/accept", {
        token: tokenOf(invited.body.invite_url),
        password: "a fine phrase of mine",
      });
      expect(late.status).toBe(404);
      expect(late.body.error.message).toMatch(/expired/);
      const resent = await admin.post(`/api/v1/members/${invited.body.id}/invite`, {});
      expect(resent.status).toBe(200);
      expect(
        (
          await anonymous().post("/api/v1/invites/accept", {
            token: tokenOf(invited.body.invite_url),
            password: "a fine phrase of mine",
          })
        ).status,
      ).toBe(404);
      const accepted = await anonymous().post("/api/v1/invites/accept", {
        token: tokenOf(resent.body.invite_url),
        password: "a fine phrase of mine",
      });
      expect(accepted.status).toBe(200);
    } finally {
      offsetMs = 0;
    }
  });

  it("accept is rate limited per IP, and a bad token is refused before the password is looked at", async () => {
    const limited = createTestApp(database, { clock, loginRateLimitPerMinute: 20 });
    const caller = client(limited);
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push(
        (await caller.post("/api/v1/invites/accept", { token: `guess-${i}-xxxxxxxx`, password: "x" })).status,
      );
    }
    // A one-character password would fail the policy; the token is checked first, so it is a 404.
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("new passwords need 12 characters and must not be common", async () => {
    const invited = await admin.post("/api/v1/members", {
      email: "weak@example.test",
      role_id: await presetId("viewer"),
    });
    const token = tokenOf(invited.body.invite_url);
    for (const password of ["aaaaaaaaaaaa", "password1234", "short-one!"]) {
      const res = await anonymous().post("/api/v1/invites/accept", { token, password });
      expect(res.status, password).toBe(400);
      expect(res.body.error.issues[0].field).toBe("password");
    }
    expect((await anonymous().post("/api/v1/invites/accept", { token, password: "my own long phrase" })).status).toBe(
      200,
    );
  });
});

describe("audit log", () => {
  it("records sign-ins and failures, member, role and key changes with actor, IP and request id", async () => {
    const failed = await signIn(ws.adminEmail, "not the password at all");
    expect(failed.status).toBe(401);
    expect((await signIn(ws.adminEmail, ADMIN_PASSWORD)).status).toBe(200);
    const key = await admin.post("/api/v1/api-keys", { name: "audited", scopes: ["companies:read"] });
    await admin.delete(`/api/v1/api-keys/${key.body.id}`);
    const log = await admin.get("/api/v1/audit-events?limit=100");
    expect(log.status).toBe(200);
    const actions = log.body.data.map((e: { action: string }) => e.action);
    for (const action of [
      "session.sign_in_failed",
      "session.sign_in",
      "api_key.created",
      "api_key.revoked",
      "member.invited",
      "member.invite_accepted",
      "role.created",
    ]) {
      expect(actions, action).toContain(action);
    }
    const created = log.body.data.find((e: { action: string }) => e.action === "api_key.created");
    expect(created).toMatchObject({ target_id: key.body.id, actor: { kind: "api_key" } });
    expect(created.request_id).toMatch(/^req_/);
    const signedIn = log.body.data.find((e: { action: string }) => e.action === "session.sign_in");
    expect(signedIn.actor.label).toBe(ws.adminEmail);
    // Filters by action; only admins (members:write) read it.
    const only = await admin.get("/api/v1/audit-events?action=api_key.revoked");
    expect(only.body.data.every((e: { action: string }) => e.action === "api_key.revoked")).toBe(true);
    const bad = await admin.get("/api/v1/audit-events?action=nope");
    expect(bad.status).toBe(400);
  });

  it("is written in the same transaction: a refused change leaves no event", async () => {
    const before = (await admin.get("/api/v1/audit-events?action=role.created&limit=100")).body.data.length;
    expect((await admin.post("/api/v1/roles", { name: "Manager", scopes: [] })).status).toBe(409);
    expect((await admin.get("/api/v1/audit-events?action=role.created&limit=100")).body.data.length).toBe(before);
  });

  it("another workspace sees none of it", async () => {
    const other = await seedWorkspace(database, "Elsewhere");
    const theirs = await client(app, other.apiKey).get("/api/v1/audit-events?limit=100");
    expect(theirs.body.data.some((e: { target_id: string | null }) => e.target_id === ws.memberId)).toBe(false);
    expect(theirs.body.data.every((e: { action: string }) => !e.action.startsWith("role."))).toBe(true);
  });
});
