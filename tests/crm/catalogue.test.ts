import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
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

describe("companies and contacts", () => {
  it("creates, reads, updates, searches and deletes", async () => {
    const api = client(app, ws.apiKey);
    const created = await api.post("/api/v1/companies", { name: "Harbour Dental", website: "https://harbour.test" });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^co_/);
    const contact = await api.post("/api/v1/contacts", { name: "Mia Chen", company_id: created.body.id });
    expect(contact.status).toBe(201);
    expect(contact.body).toMatchObject({ id: expect.stringMatching(/^con_/), company_id: created.body.id });
    const patched = await api.patch(`/api/v1/companies/${created.body.id}`, { phone: "+64 9 555 0100" });
    expect(patched.body).toMatchObject({ name: "Harbour Dental", phone: "+64 9 555 0100" });
    await api.post("/api/v1/companies", { name: "Kauri 100% Builders" });
    const search = await api.get("/api/v1/companies?q=harbour");
    expect(search.body.data.map((c: { name: string }) => c.name)).toEqual(["Harbour Dental"]);
    expect((await api.get("/api/v1/companies?q=100%25")).body.data).toHaveLength(1);
    const byCompany = await api.get(`/api/v1/contacts?company_id=${created.body.id}`);
    expect(byCompany.body.data).toHaveLength(1);
    expect((await api.delete(`/api/v1/companies/${created.body.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/contacts/${contact.body.id}`)).body.company_id).toBeNull();
  });

  it("paginates newest first with a cursor", async () => {
    const api = client(app, ws.apiKey);
    for (let i = 0; i < 5; i++) {
      await api.post("/api/v1/contacts", { name: `Page ${i}` });
    }
    const first = await api.get("/api/v1/contacts?q=page&limit=3");
    expect(first.body).toMatchObject({ has_more: true });
    const second = await api.get(`/api/v1/contacts?q=page&limit=3&cursor=${first.body.next_cursor}`);
    const names = [...first.body.data, ...second.body.data].map((c: { name: string }) => c.name);
    expect(names).toEqual(["Page 4", "Page 3", "Page 2", "Page 1", "Page 0"]);
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null });
  });

  it("hides another workspace's records (404) and refuses its company in a body", async () => {
    const mine = await client(app, ws.apiKey).post("/api/v1/companies", { name: "Mine" });
    const theirs = client(app, other.apiKey);
    expect((await theirs.get(`/api/v1/companies/${mine.body.id}`)).status).toBe(404);
    expect((await theirs.patch(`/api/v1/companies/${mine.body.id}`, { name: "x" })).status).toBe(404);
    expect((await theirs.delete(`/api/v1/companies/${mine.body.id}`)).status).toBe(404);
    const contact = await theirs.post("/api/v1/contacts", { name: "Spy", company_id: mine.body.id });
    expect(contact.status).toBe(404);
    expect(contact.body.error.issues[0].field).toBe("company_id");
    expect((await theirs.get("/api/v1/companies")).body.data.map((c: { id: string }) => c.id)).not.toContain(
      mine.body.id,
    );
  });

  it("needs the companies and contacts scopes", async () => {
    const key = await keyWithScopes(database, ws, ["companies:read"]);
    const api = client(app, key);
    expect((await api.get("/api/v1/companies")).status).toBe(200);
    const write = await api.post("/api/v1/companies", { name: "x" });
    expect(write.status).toBe(403);
    expect(write.body.error.required_scope).toBe("companies:write");
    expect((await api.get("/api/v1/contacts")).body.error.required_scope).toBe("contacts:read");
  });
});

describe("products", () => {
  it("stores prices in minor units and percentages exactly", async () => {
    const api = client(app, ws.apiKey);
    const res = await api.post("/api/v1/products", {
      name: "Brand workshop",
      sku: "BW-1",
      unit_amount: 180_000,
      currency: "NZD",
      unit: "day",
      deposit_percent: "33.3333",
      billing: "one_off",
      tax_rate: 15,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^prod_/),
      unit_amount: 180_000,
      currency: "NZD",
      deposit_percent: 33.3333,
      tax_rate: 15,
      billing: "one_off",
      is_active: true,
    });
    const off = await api.patch(`/api/v1/products/${res.body.id}`, { is_active: false, deposit_percent: null });
    expect(off.body).toMatchObject({ is_active: false, deposit_percent: null });
    const inactive = await api.get("/api/v1/products?is_active=false");
    expect(inactive.body.data.map((p: { id: string }) => p.id)).toContain(res.body.id);
  });

  it.each([
    [{ billing: "monthly" }, "billing", "one_off"],
    [{ currency: "usd" }, "currency", "ISO 4217"],
    [{ unit_amount: -1 }, "unit_amount", ""],
    [{ unit_amount: 10.5 }, "unit_amount", ""],
    [{ tax_rate: 101 }, "tax_rate", "between 0 and 100"],
    [{ deposit_percent: "1e2" }, "deposit_percent", "plain decimal"],
    [{ name: "x".repeat(201) }, "name", ""],
    [{ colour: "red" }, "colour", "unknown field"],
  ])("rejects %j naming %s", async (patch, field, hint) => {
    const res = await client(app, ws.apiKey).post("/api/v1/products", {
      name: "p",
      unit_amount: 100,
      currency: "USD",
      ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(JSON.stringify(res.body)).toContain(hint);
  });
});
