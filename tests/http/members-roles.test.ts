import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let admin: ReturnType<typeof client>;
let roles: { id: string; name: string; preset: string | null; scopes: string[] }[];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Members");
  admin = client(app, ws.apiKey);
  roles = (await admin.get("/api/v1/roles")).body.data;
});
afterAll(() => database.close());

const roleId = (preset: string) => roles.find((r) => r.preset === preset)?.id ?? "";

describe("roles", () => {
  it("has the three presets with SPEC scopes: Editor lacks admin scopes, Viewer only reads", () => {
    expect(roles.map((r) => r.name)).toEqual(["Admin", "Editor", "Viewer"]);
    const editor = roles.find((r) => r.preset === "editor")?.scopes ?? [];
    expect(editor).toContain("invoices:write");
    expect(editor).not.toContain("members:write");
    expect(editor).not.toContain("api_keys:write");
    expect(roles.find((r) => r.preset === "viewer")?.scopes.every((s) => s.endsWith(":read"))).toBe(true);
  });

  it("creates, renames and edits a custom role; refuses a duplicate name with 409", async () => {
    const created = await admin.post("/api/v1/roles", { name: "Sales", scopes: ["opportunities:read", "deals:write"] });
    expect(created.status).toBe(201);
    expect(created.body.scopes).toEqual(["opportunities:read", "opportunities:write"]);
    const renamed = await admin.patch(`/api/v1/roles/${created.body.id}`, {
      name: "Sales team",
      scopes: ["companies:read"],
    });
    expect(renamed.body).toMatchObject({ name: "Sales team", scopes: ["companies:read"] });
    expect((await admin.post("/api/v1/roles", { name: "Sales team" })).status).toBe(409);
  });

  it("will not delete a role that members hold, nor a preset", async () => {
    const role = await admin.post("/api/v1/roles", { name: "Held", scopes: [] });
    const invited = await admin.post("/api/v1/members", { email: "held@example.test", role_id: role.body.id });
    expect(invited.status).toBe(201);
    const refused = await admin.delete(`/api/v1/roles/${role.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.fix).toBeTruthy();
    expect((await admin.delete(`/api/v1/roles/${roleId("viewer")}`)).status).toBe(409);
    await admin.delete(`/api/v1/members/${invited.body.id}`);
    expect((await admin.delete(`/api/v1/roles/${role.body.id}`)).status).toBe(204);
  });
});

describe("members", () => {
  it("invites with an invite link, the invitee sets a password and signs in", async () => {
    const invited = await admin.post("/api/v1/members", {
      email: "New.Person@example.test",
      role_id: roleId("editor"),
    });
    expect(invited.body).toMatchObject({ email: "new.person@example.test", status: "invited", role_name: "Editor" });
    const token = String(invited.body.invite_url).split("#")[1];
    const accepted = await client(app).post("/api/v1/invites/accept", { token, password: "a good long password" });
    expect(accepted.status).toBe(200);
    const login = await client(app).post("/api/v1/session", {
      email: "new.person@example.test",
      password: "a good long password",
    });
    expect(login.status).toBe(200);
    expect(
      (await client(app).post("/api/v1/invites/accept", { token, password: "another long password" })).status,
    ).toBe(404);
  });

  it("rejects a duplicate email and an unknown role", async () => {
    await admin.post("/api/v1/members", { email: "dup@example.test", role_id: roleId("viewer") });
    expect((await admin.post("/api/v1/members", { email: "dup@example.test", role_id: roleId("viewer") })).status).toBe(
      409,
    );
    expect((await admin.post("/api/v1/members", { email: "x@example.test", role_id: "role_nope" })).status).toBe(404);
    const bad = await admin.post("/api/v1/members", { email: "not-an-email", role_id: roleId("viewer") });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe("email");
  });

  it("changes a member's role and refuses to remove or demote the last admin", async () => {
    const list = (await admin.get("/api/v1/members?limit=100")).body.data;
    const owner = list.find((m: { user_id: string }) => m.user_id === ws.userId);
    // Nobody changes their own role; the only admin cannot leave either.
    const demote = await admin.patch(`/api/v1/members/${owner.id}`, { role_id: roleId("viewer") });
    expect(demote.status).toBe(403);
    expect(demote.body.error.message).toMatch(/yourself/);
    expect((await admin.delete(`/api/v1/members/${owner.id}`)).status).toBe(409);
    const other = list.find((m: { email: string }) => m.email === "dup@example.test");
    const changed = await admin.patch(`/api/v1/members/${other.id}`, { role_id: roleId("editor") });
    expect(changed.body.role_name).toBe("Editor");
  });

  it("paginates with a cursor", async () => {
    const first = await admin.get("/api/v1/members?limit=1");
    expect(first.body.data).toHaveLength(1);
    expect(first.body.has_more).toBe(true);
    const second = await admin.get(`/api/v1/members?limit=1&cursor=${first.body.next_cursor}`);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    expect((await admin.get("/api/v1/members?limit=0")).status).toBe(400);
  });
});
