import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let other: Awaited<ReturnType<typeof seedWorkspace>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  [ws, other] = await Promise.all([seedWorkspace(database, "Acme"), seedWorkspace(database, "Rival")]);
});
afterAll(() => database.close());

describe("company page", () => {
  it("archives companies out of lists and back", async () => {
    const api = client(app, ws.apiKey);
    const co = (await api.post("/api/v1/companies", { name: "Zeta Archive Co" })).body;
    const archived = await api.patch(`/api/v1/companies/${co.id}`, { archived: true });
    expect(archived.body.archived_at).toEqual(expect.any(String));
    const names = async (query: string) =>
      (await api.get(`/api/v1/companies?${query}`)).body.data.map((c: { name: string }) => c.name);
    expect(await names("q=zeta")).toEqual([]);
    expect(await names("q=zeta&archived=true")).toEqual(["Zeta Archive Co"]);
    expect(await names("q=zeta&archived=only")).toEqual(["Zeta Archive Co"]);
    await api.patch(`/api/v1/companies/${co.id}`, { archived: false });
    expect(await names("q=zeta")).toEqual(["Zeta Archive Co"]);
  });

  it("sorts by name with a cursor", async () => {
    const api = client(app, ws.apiKey);
    for (const name of ["Sort C", "Sort A", "Sort B"]) await api.post("/api/v1/companies", { name });
    const first = await api.get("/api/v1/companies?q=sort&sort=name&limit=2");
    const second = await api.get(`/api/v1/companies?q=sort&sort=name&limit=2&cursor=${first.body.next_cursor}`);
    const names = [...first.body.data, ...second.body.data].map((c: { name: string }) => c.name);
    expect(names).toEqual(["Sort A", "Sort B", "Sort C"]);
  });

  it("keeps one primary contact per company", async () => {
    const api = client(app, ws.apiKey);
    const co = (await api.post("/api/v1/companies", { name: "Primary Co" })).body;
    const a = (await api.post("/api/v1/contacts", { name: "A", company_id: co.id, is_primary: true })).body;
    const b = (await api.post("/api/v1/contacts", { name: "B", company_id: co.id })).body;
    expect(a.is_primary).toBe(true);
    expect((await api.patch(`/api/v1/contacts/${b.id}`, { is_primary: true })).body.is_primary).toBe(true);
    expect((await api.get(`/api/v1/contacts/${a.id}`)).body.is_primary).toBe(false);
    const loose = await api.post("/api/v1/contacts", { name: "C", is_primary: true });
    expect(loose.status).toBe(400);
    expect(loose.body.error.issues[0].field).toBe("is_primary");
  });

  it("archives a product used on lines instead of deleting it", async () => {
    const api = client(app, ws.apiKey);
    const deal = await seedDeal(ws.ctx, 1);
    expect((await api.delete(`/api/v1/products/${deal.product.id}`)).status).toBe(204);
    const kept = await api.get(`/api/v1/products/${deal.product.id}`);
    expect(kept.body).toMatchObject({ is_active: false, archived_at: expect.any(String) });
    expect((await api.delete(`/api/v1/products/${deal.recurring.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/products/${deal.recurring.id}`)).status).toBe(404);
  });

  it("shows contacts, opportunities and, with invoices:read only, invoices", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const api = client(app, ws.apiKey);
    const inv = await api.post(`/api/v1/opportunities/${deal.opportunity.id}/invoices`, { portion: "full" });
    expect(inv.status).toBe(201);
    const page = await api.get(`/api/v1/companies/${deal.company.id}/overview`);
    expect(page.status).toBe(200);
    expect(page.body.contacts.map((c: { id: string }) => c.id)).toEqual([deal.contact.id]);
    expect(page.body.opportunities.map((o: { id: string }) => o.id)).toEqual([deal.opportunity.id]);
    expect(page.body.invoices).toEqual([expect.objectContaining({ id: inv.body.id, status: "DRAFT" })]);
    const viewer = client(
      app,
      await keyWithScopes(database, ws, ["companies:read", "contacts:read", "opportunities:read"]),
    );
    const limited = await viewer.get(`/api/v1/companies/${deal.company.id}/overview`);
    expect(limited.body).not.toHaveProperty("invoices");
    expect(limited.body.contacts).toHaveLength(1);
    expect((await client(app, other.apiKey).get(`/api/v1/companies/${deal.company.id}/overview`)).status).toBe(404);
  });

  it("lists the companies named by ids, archived ones too, and none of another workspace", async () => {
    const api = client(app, ws.apiKey);
    const a = (await api.post("/api/v1/companies", { name: "Ids A" })).body;
    const b = (await api.post("/api/v1/companies", { name: "Ids B" })).body;
    await api.patch(`/api/v1/companies/${b.id}`, { archived: true });
    const theirs = (await client(app, other.apiKey).post("/api/v1/companies", { name: "Ids Theirs" })).body;
    const res = await api.get(`/api/v1/companies?ids=${a.id},${b.id},${theirs.id}&sort=name`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { name: string }) => c.name)).toEqual(["Ids A", "Ids B"]);
    const live = await api.get(`/api/v1/companies?ids=${a.id},${b.id}&archived=false`);
    expect(live.body.data.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `co_${i}`).join(",");
    const refused = await api.get(`/api/v1/companies?ids=${tooMany}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0].field).toMatch(/^ids/);
  });

  it("shows the opportunities a company pays for, with invoices:read and opportunities:read only", async () => {
    const api = client(app, ws.apiKey);
    const deal = await seedDeal(ws.ctx, 2);
    const payer = (await api.post("/api/v1/companies", { name: "Payer Trust" })).body;
    const added = await api.call("PUT", `/api/v1/opportunities/${deal.opportunity.id}/payer-companies/${payer.id}`);
    expect(added.status).toBe(200);
    const page = await api.get(`/api/v1/companies/${payer.id}/overview`);
    expect(page.body.payer_for).toEqual([
      {
        opportunity_id: deal.opportunity.id,
        opportunity_name: deal.opportunity.name,
        client_id: deal.company.id,
        client_name: deal.company.name,
        currency: "USD",
        status: "open",
        total_amount: deal.lines.reduce((sum, l) => sum + l.lineTotalAmount, 0),
      },
    ]);
    expect(page.body.opportunities).toEqual([]);
    const clientPage = await api.get(`/api/v1/companies/${deal.company.id}/overview`);
    expect(clientPage.body.payer_for).toEqual([]);
    const noMoney = client(app, await keyWithScopes(database, ws, ["companies:read", "opportunities:read"]));
    expect((await noMoney.get(`/api/v1/companies/${payer.id}/overview`)).body).not.toHaveProperty("payer_for");
    const noDeals = client(app, await keyWithScopes(database, ws, ["companies:read", "invoices:read"]));
    expect((await noDeals.get(`/api/v1/companies/${payer.id}/overview`)).body).not.toHaveProperty("payer_for");
  });
});
