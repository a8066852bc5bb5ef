import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Acme");
  deal = await seedDeal(ws.ctx);
});
afterAll(() => database.close());

const linesOf = (oppId: string) => `/api/v1/opportunities/${oppId}/products`;

describe("product lines", () => {
  it("adds a line with the product's defaults and computes its total", async () => {
    const api = client(app, ws.apiKey);
    const res = await api.post(linesOf(deal.opportunity.id), { product_id: deal.product.id, quantity: "1.5" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^line_/),
      product_id: deal.product.id,
      product_name: "Website build",
      currency: "USD",
      quantity: 1.5,
      unit_amount: 250_000,
      discount_percent: 0,
      deposit_percent: null,
      tax_rate: 12.5,
      line_total_amount: 375_000,
      payment_status: "unpaid",
    });
  });

  it("edits price, discount, deposit and tax, rounding half away from zero", async () => {
    const api = client(app, ws.apiKey);
    const line = await api.post(linesOf(deal.opportunity.id), { product_id: deal.recurring.id, unit_amount: 999 });
    const res = await api.patch(`${linesOf(deal.opportunity.id)}/${line.body.id}`, {
      quantity: 3,
      discount_percent: "12.5",
      deposit_percent: 40,
      tax_rate: "0",
    });
    expect(res.status).toBe(200);
    // 3 × 999 × 0.875 = 2622.375 → 2622
    expect(res.body).toMatchObject({
      quantity: 3,
      discount_percent: 12.5,
      deposit_percent: 40,
      line_total_amount: 2622,
    });
    const opp = await api.get(`/api/v1/opportunities/${deal.opportunity.id}`);
    const all = (await api.get(linesOf(deal.opportunity.id))).body.data;
    expect(opp.body.total_amount).toBe(
      all.reduce((s: number, l: { line_total_amount: number }) => s + l.line_total_amount, 0),
    );
  });

  it("reorders by sort_order and by the reorder route, and removes", async () => {
    const api = client(app, ws.apiKey);
    const fresh = await seedDeal(ws.ctx, 3);
    const ids = fresh.lines.map((l) => l.id);
    const moved = await api.patch(`${linesOf(fresh.opportunity.id)}/${ids[0]}`, { sort_order: 10 });
    expect(moved.body.sort_order).toBe(10);
    const order = async () => (await api.get(linesOf(fresh.opportunity.id))).body.data.map((l: { id: string }) => l.id);
    expect(await order()).toEqual([ids[1], ids[2], ids[0]]);
    const reordered = await api.post(`${linesOf(fresh.opportunity.id)}/reorder`, {
      line_ids: [ids[2], ids[0], ids[1]],
    });
    expect(reordered.body.data.map((l: { sort_order: number }) => l.sort_order)).toEqual([0, 1, 2]);
    expect(await order()).toEqual([ids[2], ids[0], ids[1]]);
    const partial = await api.post(`${linesOf(fresh.opportunity.id)}/reorder`, { line_ids: [ids[0]] });
    expect(partial.status).toBe(400);
    expect((await api.delete(`${linesOf(fresh.opportunity.id)}/${ids[0]}`)).status).toBe(204);
    expect(await order()).toEqual([ids[2], ids[1]]);
  });

  it("treats a line of another opportunity as 404", async () => {
    const api = client(app, ws.apiKey);
    const elsewhere = await seedDeal(ws.ctx, 1);
    const lineId = elsewhere.lines[0]?.id;
    expect((await api.get(`${linesOf(deal.opportunity.id)}/${lineId}`)).status).toBe(404);
    expect((await api.patch(`${linesOf(deal.opportunity.id)}/${lineId}`, { quantity: 2 })).status).toBe(404);
    expect((await api.delete(`${linesOf(deal.opportunity.id)}/${lineId}`)).status).toBe(404);
    expect((await api.get(`${linesOf(deal.opportunity.id)}/${lineId}/payment-status-history`)).status).toBe(404);
  });

  it("refuses another workspace's product and a foreign-currency product without a price", async () => {
    const api = client(app, ws.apiKey);
    const other = await seedWorkspace(database, "Rival");
    const theirs = await seedDeal(other.ctx);
    const foreign = await api.post(linesOf(deal.opportunity.id), { product_id: theirs.product.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.issues[0].field).toBe("product_id");
    const eur = await api.post("/api/v1/products", { name: "Audit", unit_amount: 5000, currency: "EUR" });
    const noPrice = await api.post(linesOf(deal.opportunity.id), { product_id: eur.body.id });
    expect(noPrice.status).toBe(400);
    expect(noPrice.body.error.issues[0].field).toBe("unit_amount");
    const priced = await api.post(linesOf(deal.opportunity.id), { product_id: eur.body.id, unit_amount: 5500 });
    expect(priced.body).toMatchObject({ currency: "USD", unit_amount: 5500 });
  });

  it.each([
    [{ quantity: -1 }, "quantity"],
    [{ quantity: "abc" }, "quantity"],
    [{ quantity: "1.00001" }, "quantity"],
    [{ discount_percent: 150 }, "discount_percent"],
    [{ unit_amount: -5 }, "unit_amount"],
    [{ sort_order: 1.5 }, "sort_order"],
    [{ payment_status: "settled" }, "payment_status"],
    [{ colour: "red" }, "colour"],
  ])("rejects %j naming %s and changes nothing", async (patch, field) => {
    const api = client(app, ws.apiKey);
    const before = await api.get(linesOf(deal.opportunity.id));
    const lineId = before.body.data[0].id;
    const add = await api.post(linesOf(deal.opportunity.id), { product_id: deal.product.id, ...patch });
    const edit = await api.patch(`${linesOf(deal.opportunity.id)}/${lineId}`, patch);
    for (const res of [add, edit]) {
      expect(res.status).toBe(400);
      expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    if (field === "payment_status") {
      expect(add.body.error.issues[0].allowed).toEqual(["unpaid", "deposit_invoiced", "invoiced", "paid"]);
    }
    expect((await api.get(linesOf(deal.opportunity.id))).body).toEqual(before.body);
  });

  it("refuses a total outside the safe range of minor units", async () => {
    const res = await client(app, ws.apiKey).post(linesOf(deal.opportunity.id), {
      product_id: deal.product.id,
      unit_amount: 100_000_000_000,
      quantity: 1_000_000,
    });
    expect(res.status).toBe(400);
  });
});

describe("concurrent additions", () => {
  it("give every line its own sort_order", async () => {
    const fresh = await seedDeal(ws.ctx, 0);
    const api = client(app, ws.apiKey);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        api.post(`/api/v1/opportunities/${fresh.opportunity.id}/products`, {
          product_id: fresh.product.id,
          quantity: 1,
        }),
      ),
    );
    const lines = (await api.get(`/api/v1/opportunities/${fresh.opportunity.id}/products`)).body.data;
    const orders = lines.map((l: { sort_order: number }) => l.sort_order);
    expect(new Set(orders).size).toBe(10);
  });
});
