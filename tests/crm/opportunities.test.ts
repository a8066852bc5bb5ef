import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let other: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  [ws, other] = await Promise.all([seedWorkspace(database, "Acme"), seedWorkspace(database, "Rival")]);
  deal = await seedDeal(ws.ctx, 2);
});
afterAll(() => database.close());

describe("opportunities", () => {
  it("creates with defaults, the caller as owner, and reports totals", async () => {
    const api = client(app, ws.apiKey);
    const res = await api.post("/api/v1/opportunities", {
      name: "Clinic fit-out",
      company_id: deal.company.id,
      primary_contact_id: deal.contact.id,
      currency: "USD",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^opp_/),
      stage: "lead",
      status: "open",
      owner_id: ws.userId,
      total_amount: 0,
      line_count: 0,
    });
    expect(res.body).not.toHaveProperty("products");
    const got = await api.get(`/api/v1/opportunities/${deal.opportunity.id}`);
    expect(got.body).toMatchObject({ total_amount: 250_000 + 2 * 4_900, line_count: 2 });
  });

  it("updates, refuses a currency change while lines exist, and deletes with opportunities:delete", async () => {
    const api = client(app, ws.apiKey);
    const patched = await api.patch(`/api/v1/opportunities/${deal.opportunity.id}`, {
      stage: "proposal",
      status: "won",
    });
    expect(patched.body).toMatchObject({ stage: "proposal", status: "won" });
    const currency = await api.patch(`/api/v1/opportunities/${deal.opportunity.id}`, { currency: "EUR" });
    expect(currency.status).toBe(409);
    const doomed = await seedDeal(ws.ctx, 1);
    const writer = client(app, await keyWithScopes(database, ws, ["opportunities:read", "opportunities:write"]));
    const denied = await writer.delete(`/api/v1/opportunities/${doomed.opportunity.id}`);
    expect(denied.body.error).toMatchObject({ code: "insufficient_scope", required_scope: "opportunities:delete" });
    expect((await api.delete(`/api/v1/deals/${doomed.opportunity.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/opportunities/${doomed.opportunity.id}`)).status).toBe(404);
  });

  it("lists with search, filters and cursor pagination", async () => {
    const api = client(app, ws.apiKey);
    const extra = await seedDeal(ws.ctx);
    for (const [name, stage, status] of [
      ["Alpha retainer", "qualified", "open"],
      ["Beta retainer", "qualified", "lost"],
      ["Gamma retainer", "negotiation", "open"],
    ]) {
      await api.post("/api/v1/opportunities", { name, stage, status, company_id: extra.company.id, currency: "USD" });
    }
    const names = async (query: string) =>
      (await api.get(`/api/v1/opportunities?${query}`)).body.data.map((o: { name: string }) => o.name);
    expect(await names("q=RETAINER")).toEqual(["Gamma retainer", "Beta retainer", "Alpha retainer"]);
    expect(await names("q=retainer&stage=qualified&status=open")).toEqual(["Alpha retainer"]);
    expect(await names(`company_id=${extra.company.id}&status=open`)).toEqual([
      "Gamma retainer",
      "Alpha retainer",
      extra.opportunity.name,
    ]);
    const page1 = await api.get("/api/v1/opportunities?q=retainer&limit=2");
    expect(page1.body.has_more).toBe(true);
    const page2 = await api.get(`/api/v1/opportunities?q=retainer&limit=2&cursor=${page1.body.next_cursor}`);
    expect(page2.body.data.map((o: { name: string }) => o.name)).toEqual(["Alpha retainer"]);
    const bad = await api.get("/api/v1/opportunities?status=pending");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ field: "status", allowed: ["open", "won", "lost"] });
    expect((await api.get("/api/v1/opportunities?cursor=nonsense")).status).toBe(400);
  });

  it("refuses references from another workspace with 404 naming the field", async () => {
    const theirs = await seedDeal(other.ctx);
    const api = client(app, ws.apiKey);
    const base = { name: "x", company_id: deal.company.id, currency: "USD" };
    const company = await api.post("/api/v1/opportunities", { ...base, company_id: theirs.company.id });
    expect(company.status).toBe(404);
    expect(company.body.error.issues[0].field).toBe("company_id");
    const contact = await api.post("/api/v1/opportunities", { ...base, primary_contact_id: theirs.contact.id });
    expect(contact.body.error.issues[0].field).toBe("primary_contact_id");
    const owner = await api.post("/api/v1/opportunities", { ...base, owner_id: other.userId });
    expect(owner.status).toBe(404);
    expect(owner.body.error.issues[0].field).toBe("owner_id");
    const wrongCompany = await api.post("/api/v1/opportunities", {
      ...base,
      company_id: (await seedDeal(ws.ctx)).company.id,
      primary_contact_id: deal.contact.id,
    });
    expect(wrongCompany.status).toBe(400);
  });

  it("answers 404 for another workspace's opportunity on every route", async () => {
    const theirs = client(app, other.apiKey);
    const id = deal.opportunity.id;
    for (const base of ["/api/v1/opportunities", "/api/v1/deals"]) {
      expect((await theirs.get(`${base}/${id}`)).status).toBe(404);
      expect((await theirs.patch(`${base}/${id}`, { name: "x" })).status).toBe(404);
      expect((await theirs.delete(`${base}/${id}`)).status).toBe(404);
      expect((await theirs.get(`${base}/${id}/products`)).status).toBe(404);
      expect((await theirs.post(`${base}/${id}/products`, { product_id: deal.product.id })).status).toBe(404);
      const lineId = deal.lines[0]?.id;
      expect((await theirs.get(`${base}/${id}/products/${lineId}`)).status).toBe(404);
      expect((await theirs.patch(`${base}/${id}/products/${lineId}`, { quantity: 1 })).status).toBe(404);
      expect((await theirs.delete(`${base}/${id}/products/${lineId}`)).status).toBe(404);
      expect((await theirs.get(`${base}/${id}/products/${lineId}/payment-status-history`)).status).toBe(404);
    }
    const listed = (await theirs.get("/api/v1/opportunities")).body.data.map((o: { id: string }) => o.id);
    expect(listed).not.toContain(id);
  });

  it("serves /deals with the same behaviour and documents both paths", async () => {
    const api = client(app, ws.apiKey);
    const a = await api.get(`/api/v1/opportunities/${deal.opportunity.id}?expand=products`);
    const b = await api.get(`/api/v1/deals/${deal.opportunity.id}?expand=products`);
    expect(b.body).toEqual(a.body);
    const listA = await api.get("/api/v1/opportunities?q=Website&expand=products");
    expect((await api.get("/api/v1/deals?q=Website&expand=products")).body).toEqual(listA.body);
    const created = await api.post("/api/v1/deals", {
      name: "Via alias",
      company_id: deal.company.id,
      currency: "USD",
    });
    expect(created.status).toBe(201);
    const key = await keyWithScopes(database, ws, ["deals:read" as never]);
    expect((await client(app, key).get(`/api/v1/deals/${created.body.id}`)).status).toBe(200);
    type Paths = Record<string, Record<string, Record<string, unknown>>>;
    const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Paths };
    for (const path of Object.keys(doc.paths).filter((p: string) => p.startsWith("/api/v1/opportunities"))) {
      const alias = doc.paths[path.replace("/opportunities", "/deals")];
      expect(Object.keys(alias ?? {})).toEqual(Object.keys(doc.paths[path] ?? {}));
      for (const method of Object.keys(alias ?? {})) {
        expect(alias?.[method]?.["x-settle-scope"]).toBe(doc.paths[path]?.[method]?.["x-settle-scope"]);
      }
    }
  });

  it.each([
    [{ status: "pending" }, "status"],
    [{ currency: "XYZ" }, "currency"],
    [{ name: "" }, "name"],
    [{ stage: "s".repeat(61) }, "stage"],
    [{ budget: 5 }, "budget"],
  ])("rejects bad input %j", async (patch, field) => {
    const res = await client(app, ws.apiKey).post("/api/v1/opportunities", {
      name: "x",
      company_id: deal.company.id,
      currency: "USD",
      ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
  });
});
