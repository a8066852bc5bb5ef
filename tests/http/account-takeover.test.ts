import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { ADMIN_PASSWORD, seedWorkspace } from "../support/builders.ts";
import { browser, serveTestApp } from "../support/http-app.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * Two workspaces over real HTTP. Workspace A's admin must never reach workspace B through an account that B
 * invited, whether that person has accepted B's invite yet or not.
 */
let database: Database;
let server: Awaited<ReturnType<typeof serveTestApp>>;
let a: Awaited<ReturnType<typeof seedWorkspace>>;
let b: Awaited<ReturnType<typeof seedWorkspace>>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await serveTestApp(database);
  a = await seedWorkspace(database, "Attacker");
  b = await seedWorkspace(database, "Victim");
});
afterAll(async () => {
  await server.close();
  await database.close();
});

async function signedInAdmin(ws: typeof a) {
  const person = browser(server.origin);
  expect((await person.signIn(ws.adminEmail, ADMIN_PASSWORD)).status).toBe(200);
  return person;
}

async function roleIdOf(person: ReturnType<typeof browser>, preset: string): Promise<string> {
  const roles = (await person.get("/api/v1/roles")).body.data as { id: string; preset: string | null }[];
  return roles.find((r) => r.preset === preset)?.id ?? "";
}

const tokenOf = (inviteUrl: unknown) => String(inviteUrl).split("#")[1] ?? "";

describe("cross-workspace account takeover", () => {
  it("an invite accepted in A never gives A's admin B's pending invitee's place in B", async () => {
    const adminB = await signedInAdmin(b);
    const inB = await adminB.post("/api/v1/members", {
      email: "pending@victim.test",
      role_id: await roleIdOf(adminB, "admin"),
    });
    expect(inB.status).toBe(201);

    const adminA = await signedInAdmin(a);
    const inA = await adminA.post("/api/v1/members", {
      email: "pending@victim.test",
      role_id: await roleIdOf(adminA, "viewer"),
    });
    expect(inA.status).toBe(201);
    const accepted = await browser(server.origin).post("/api/v1/invites/accept", {
      token: tokenOf(inA.body.invite_url),
      password: "attacker chose this one",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.workspace_id).toBe(a.workspaceId);

    const attacker = browser(server.origin);
    const signedIn = await attacker.signIn("pending@victim.test", "attacker chose this one");
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.workspace_id).toBe(a.workspaceId);
    expect(signedIn.body.workspaces.map((w: { id: string }) => w.id)).toEqual([a.workspaceId]);
    expect((await attacker.get("/api/v1/me")).body.workspace_id).toBe(a.workspaceId);
    // Neither choosing B at sign-in nor switching to it works while B's invite is pending.
    expect(
      (await browser(server.origin).signIn("pending@victim.test", "attacker chose this one", b.workspaceId)).status,
    ).toBe(404);
    expect((await attacker.post("/api/v1/session/workspace", { workspace_id: b.workspaceId })).status).toBe(404);
    expect((await attacker.post("/api/v1/api-keys", { name: "steal", scopes: "full_access" })).status).toBe(403);
    expect((await attacker.get("/api/v1/invoices")).body.data ?? []).toEqual([]);
    expect((await attacker.get("/api/v1/me")).body.workspace_id).toBe(a.workspaceId);
  });

  it("an invite for an existing account is accepted with that account's password, never by setting one", async () => {
    const adminB = await signedInAdmin(b);
    const invite = await adminB.post("/api/v1/members", {
      email: "person@victim.test",
      role_id: await roleIdOf(adminB, "editor"),
    });
    const joined = await browser(server.origin).post("/api/v1/invites/accept", {
      token: tokenOf(invite.body.invite_url),
      password: "the real owner's phrase",
    });
    expect(joined.status).toBe(200);

    const adminA = await signedInAdmin(a);
    const lure = await adminA.post("/api/v1/members", {
      email: "person@victim.test",
      role_id: await roleIdOf(adminA, "viewer"),
    });
    // The answer is the same as for a new email: pending, no name, nothing about the account.
    expect(lure.status).toBe(201);
    expect(lure.body).toMatchObject({ status: "invited", name: "" });
    const hijack = await browser(server.origin).post("/api/v1/invites/accept", {
      token: tokenOf(lure.body.invite_url),
      password: "attacker chose this one",
    });
    expect(hijack.status).toBe(401);
    expect(hijack.body.error.issues[0].field).toBe("password");
    expect((await browser(server.origin).signIn("person@victim.test", "attacker chose this one")).status).toBe(401);

    // The owner still signs in with their own password, lands in B, and can accept A's invite themselves.
    const owner = browser(server.origin);
    expect((await owner.signIn("person@victim.test", "the real owner's phrase")).body.workspace_id).toBe(b.workspaceId);
    const ok = await browser(server.origin).post("/api/v1/invites/accept", {
      token: tokenOf(lure.body.invite_url),
      password: "the real owner's phrase",
    });
    expect(ok.status).toBe(200);
    const again = await browser(server.origin).signIn("person@victim.test", "the real owner's phrase");
    expect(again.body.workspaces.map((w: { id: string }) => w.id).sort()).toEqual(
      [a.workspaceId, b.workspaceId].sort(),
    );
  });

  it("a person in two workspaces switches between them; each session sees one workspace's data", async () => {
    const person = browser(server.origin);
    const first = await person.signIn("person@victim.test", "the real owner's phrase", b.workspaceId);
    expect(first.body.workspace_id).toBe(b.workspaceId);
    const me = await person.get("/api/v1/me");
    expect(me.body.workspaces).toHaveLength(2);
    const switched = await person.post("/api/v1/session/workspace", { workspace_id: a.workspaceId });
    expect(switched.status).toBe(200);
    expect((await person.get("/api/v1/me")).body.workspace_id).toBe(a.workspaceId);
    // A viewer in A: the Editor scopes held in B do not follow the person across.
    expect((await person.post("/api/v1/companies", { name: "Nope" })).status).toBe(403);
    expect((await person.post("/api/v1/session/workspace", { workspace_id: "ws_unknown" })).status).toBe(404);
  });

  it("a removed member's session stops working at once", async () => {
    const adminB = await signedInAdmin(b);
    const invite = await adminB.post("/api/v1/members", {
      email: "leaver@victim.test",
      role_id: await roleIdOf(adminB, "viewer"),
    });
    await browser(server.origin).post("/api/v1/invites/accept", {
      token: tokenOf(invite.body.invite_url),
      password: "leaving soon, sadly",
    });
    const leaver = browser(server.origin);
    expect((await leaver.signIn("leaver@victim.test", "leaving soon, sadly")).status).toBe(200);
    expect((await leaver.get("/api/v1/me")).status).toBe(200);
    expect((await adminB.delete(`/api/v1/members/${invite.body.id}`)).status).toBe(204);
    expect((await leaver.get("/api/v1/me")).status).toBe(401);
  });
});
