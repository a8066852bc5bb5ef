import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createPortalLinkFor } from "../../src/modules/portal/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let other: Awaited<ReturnType<typeof seedWorkspace>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { publicUrl: "https://billing.example.test" });
  ws = await seedWorkspace(database, "Portal links");
  other = await seedWorkspace(database, "Someone else");
  api = client(app, ws.apiKey);
});
afterAll(() => database.close());

const DAY = 24 * 60 * 60 * 1000;

describe("POST /contacts/{id}/portal-links", () => {
  it("creates a link at PUBLIC_URL/portal/<token>, 30 days by default, and keeps only the token's hash", async () => {
    const deal = await seedDeal(ws.ctx);
    const before = Date.now();
    const res = await api.post(`/api/v1/contacts/${deal.contact.id}/portal-links`);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(["expires_at", "id", "url"]);
    expect(res.body.id).toMatch(/^ptl_/);
    const token = String(res.body.url).replace("https://billing.example.test/portal/", "");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expires = Date.parse(res.body.expires_at) - before;
    expect(expires).toBeGreaterThanOrEqual(30 * DAY - 1000);
    expect(expires).toBeLessThan(30 * DAY + 60_000);
    const stored = await database.db.execute(`select * from portal_links where id = '${res.body.id}'`);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(token);
  });

  it("takes expires_in_days from 1 to 365 and refuses others with the field named", async () => {
    const deal = await seedDeal(ws.ctx);
    const path = `/api/v1/contacts/${deal.contact.id}/portal-links`;
    const week = await api.post(path, { expires_in_days: 7 });
    expect(week.status).toBe(201);
    expect(Date.parse(week.body.expires_at) - Date.now()).toBeLessThan(7 * DAY + 60_000);
    for (const bad of [0, 366, 1.5, "7"]) {
      const refused = await api.post(path, { expires_in_days: bad });
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues[0].field).toBe("expires_in_days");
    }
    expect((await api.post(path, { expires_in_days: 7, token: "mine" })).status).toBe(400);
  });

  it("answers 409 with a fix for a contact with no company", async () => {
    const lone = await api.post("/api/v1/contacts", { name: "No Company" });
    const res = await api.post(`/api/v1/contacts/${lone.body.id}/portal-links`);
    expect(res.status).toBe(409);
    expect(res.body.error.fix).toMatch(/company/);
  });

  it("answers 404 for another workspace's contact and link", async () => {
    const theirs = await seedDeal(other.ctx);
    expect((await api.post(`/api/v1/contacts/${theirs.contact.id}/portal-links`)).status).toBe(404);
    expect((await api.get(`/api/v1/contacts/${theirs.contact.id}/portal-links`)).status).toBe(404);
    const link = await createPortalLinkFor(other.ctx, { contactId: theirs.contact.id });
    expect((await api.delete(`/api/v1/portal-links/${link.id}`)).status).toBe(404);
    expect((await api.delete("/api/v1/portal-links/ptl_nothing")).status).toBe(404);
  });

  it("needs invoices:write to create or revoke, invoices:read to list", async () => {
    const deal = await seedDeal(ws.ctx);
    const reader = client(app, await keyWithScopes(database, ws, ["contacts:read", "invoices:read"]));
    const created = await api.post(`/api/v1/contacts/${deal.contact.id}/portal-links`);
    const refused = await reader.post(`/api/v1/contacts/${deal.contact.id}/portal-links`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("invoices:write");
    expect((await reader.delete(`/api/v1/portal-links/${created.body.id}`)).status).toBe(403);
    expect((await reader.get(`/api/v1/contacts/${deal.contact.id}/portal-links`)).status).toBe(200);
    const crmOnly = client(app, await keyWithScopes(database, ws, ["contacts:read"]));
    expect((await crmOnly.get(`/api/v1/contacts/${deal.contact.id}/portal-links`)).status).toBe(403);
  });
});

describe("GET /contacts/{id}/portal-links and DELETE /portal-links/{id}", () => {
  it("lists active and past links newest first without the token, and revokes", async () => {
    const deal = await seedDeal(ws.ctx);
    const path = `/api/v1/contacts/${deal.contact.id}/portal-links`;
    const first = await api.post(path);
    const second = await api.post(path, { expires_in_days: 3 });
    const listed = await api.get(path);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((l: { id: string }) => l.id)).toEqual([second.body.id, first.body.id]);
    expect(listed.body.data[0]).toMatchObject({
      contact_id: deal.contact.id,
      company_id: deal.company.id,
      state: "active",
      revoked_at: null,
      last_used_at: null,
    });
    const text = JSON.stringify(listed.body);
    for (const url of [first.body.url, second.body.url]) {
      expect(text).not.toContain(String(url).split("/portal/")[1]);
    }
    expect(listed.body.data[0]).not.toHaveProperty("url");

    expect((await api.delete(`/api/v1/portal-links/${first.body.id}`)).status).toBe(204);
    expect((await api.delete(`/api/v1/portal-links/${first.body.id}`)).status).toBe(204);
    const after = await api.get(path);
    const revoked = after.body.data.find((l: { id: string }) => l.id === first.body.id);
    expect(revoked.state).toBe("revoked");
    expect(revoked.revoked_at).toBeTruthy();
    expect(after.body.data.find((l: { id: string }) => l.id === second.body.id).state).toBe("active");

    const page = await api.get(`${path}?limit=1`);
    expect(page.body.data).toHaveLength(1);
    expect(page.body.has_more).toBe(true);
    const next = await api.get(`${path}?limit=1&cursor=${page.body.next_cursor}`);
    expect(next.body.data[0].id).toBe(first.body.id);
  });

  it("puts who opened and who ended a client's access in the audit log, once each, never the token", async () => {
    const deal = await seedDeal(ws.ctx);
    const created = await api.post(`/api/v1/contacts/${deal.contact.id}/portal-links`);
    expect((await api.delete(`/api/v1/portal-links/${created.body.id}`)).status).toBe(204);
    expect((await api.delete(`/api/v1/portal-links/${created.body.id}`)).status).toBe(204);
    const log = (await api.get("/api/v1/audit-events?limit=100")).body.data.filter(
      (e: { target_id: string }) => e.target_id === created.body.id,
    );
    expect(log.map((e: { action: string }) => e.action)).toEqual(["portal_link.revoked", "portal_link.created"]);
    expect(log[1].details).toMatchObject({ contact_id: deal.contact.id, company_id: deal.company.id });
    expect(JSON.stringify(log)).not.toContain(String(created.body.url).split("/portal/")[1]);
  });

  it("is documented with its scopes", async () => {
    const doc = (await client(app).get("/api/openapi.json")).body;
    expect(doc.paths["/api/v1/contacts/{id}/portal-links"].post["x-settle-scope"]).toBe("invoices:write");
    expect(doc.paths["/api/v1/contacts/{id}/portal-links"].get["x-settle-scope"]).toBe("invoices:read");
    expect(doc.paths["/api/v1/portal-links/{id}"].delete["x-settle-scope"]).toBe("invoices:write");
  });
});

describe("createPortalLinkFor", () => {
  it("works inside the caller's transaction and leaves nothing when it rolls back", async () => {
    const deal = await seedDeal(ws.ctx);
    let madeId = "";
    await expect(
      database.db.transaction(async (tx) => {
        const link = await createPortalLinkFor({ ...ws.ctx, db: tx }, { contactId: deal.contact.id });
        madeId = link.id;
        expect(link.url).toMatch(/\/portal\/[A-Za-z0-9_-]{43}$/);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const listed = await api.get(`/api/v1/contacts/${deal.contact.id}/portal-links`);
    expect(listed.body.data.map((l: { id: string }) => l.id)).not.toContain(madeId);
    const kept = await database.db.transaction((tx) =>
      createPortalLinkFor({ ...ws.ctx, db: tx }, { contactId: deal.contact.id, expiresInDays: 2 }),
    );
    const again = await api.get(`/api/v1/contacts/${deal.contact.id}/portal-links`);
    expect(again.body.data[0].id).toBe(kept.id);
  });
});
