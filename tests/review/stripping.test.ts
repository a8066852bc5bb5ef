import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { approveInvoice, createInvoice } from "../../src/modules/invoices/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

/** SPEC §3: without invoices:read no response carries payment_status or an invoice figure, replays included. */
let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database);
  deal = await seedDeal(ws.ctx, 2);
  const invoice = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "deposit" });
  await approveInvoice(ws.ctx, { id: invoice.id });
});
afterAll(() => database.close());

const REVENUE = /payment_status|amount_paid|amount_due|invoiced_amount|paid_amount|"invoices?"/;

it("no CRM response carries payment status for a key without invoices:read", async () => {
  const key = await keyWithScopes(database, ws, [
    "opportunities:read",
    "opportunities:write",
    "companies:read",
    "products:read",
    "contacts:read",
  ]);
  const api = client(app, key);
  const opp = `/api/v1/opportunities/${deal.opportunity.id}`;
  const line = deal.lines[0]?.id;
  const responses = [
    await api.get("/api/v1/opportunities?expand=products"),
    await api.get("/api/v1/deals?expand=products"),
    await api.get(`${opp}?expand=products`),
    await api.get(`/api/v1/deals/${deal.opportunity.id}?expand=products`),
    await api.get(`${opp}/products`),
    await api.get(`${opp}/products/${line}`),
    await api.patch(`${opp}/products/${line}`, { quantity: 2 }),
    await api.post(`${opp}/products`, { product_id: deal.product.id }),
    await api.post(`${opp}/products/reorder`, {
      line_ids: (await api.get(`${opp}/products`)).body.data.map((l: { id: string }) => l.id).reverse(),
    }),
    await api.patch(opp, { stage: "proposal" }),
  ];
  for (const response of responses) {
    expect(response.status).toBeLessThan(300);
    expect(JSON.stringify(response.body)).not.toMatch(REVENUE);
  }
});

it("an Idempotency-Key replay does not hand back a response the caller may no longer see", async () => {
  const key = await keyWithScopes(database, ws, ["opportunities:read", "opportunities:write", "invoices:read"]);
  const caller = client(app, key, { "idempotency-key": "same-key-1" });
  const path = `/api/v1/opportunities/${deal.opportunity.id}/products`;
  const first = await caller.post(path, { product_id: deal.product.id });
  expect(first.status).toBe(201);
  expect(first.body.payment_status).toBe("unpaid");

  // The key's creator (the admin) loses invoices:read, so the key does too (key scopes ∩ creator's role).
  const admin = client(app, ws.apiKey);
  const adminRole = (await admin.get("/api/v1/roles")).body.data.find((r: { name: string }) => r.name === "Admin");
  const patched = await admin.patch(`/api/v1/roles/${adminRole.id}`, {
    scopes: adminRole.scopes.filter((s: string) => s !== "invoices:read"),
  });
  expect(patched.status).toBe(200);
  try {
    const replay = await caller.post(path, { product_id: deal.product.id });
    expect(replay.status).toBeLessThan(500);
    expect(JSON.stringify(replay.body)).not.toMatch(REVENUE);
  } finally {
    await admin.patch(`/api/v1/roles/${adminRole.id}`, { scopes: adminRole.scopes });
  }
});
