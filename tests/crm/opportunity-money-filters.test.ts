import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { Scope } from "../../src/modules/access/index.ts";
import { promote } from "../../src/modules/opportunities/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let allPaid: SeededDeal;
let partlyPaid: SeededDeal;
let unpaid: SeededDeal;
let reader = "";
let crmOnly = "";
const CRM: Scope[] = ["opportunities:read", "opportunities:write", "products:read"];

/** The unpaid part of a deal: the sum of its lines' totals that are not yet paid. */
function due(deal: SeededDeal, paidIndexes: number[]): number {
  return deal.lines.reduce((sum, line, i) => (paidIndexes.includes(i) ? sum : sum + line.lineTotalAmount), 0);
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Acme");
  allPaid = await seedDeal(ws.ctx, 2);
  partlyPaid = await seedDeal(ws.ctx, 3);
  unpaid = await seedDeal(ws.ctx, 1);
  for (const line of allPaid.lines) {
    await promote(ws.ctx, { lineId: line.id, proposed: "paid", source: "stripe_payment" });
  }
  await promote(ws.ctx, { lineId: partlyPaid.lines[0]?.id ?? "", proposed: "paid", source: "stripe_payment" });
  reader = await keyWithScopes(database, ws, [...CRM, "invoices:read"]);
  crmOnly = await keyWithScopes(database, ws, CRM);
});
afterAll(() => database.close());

const ids = (body: { data: { id: string }[] }) => body.data.map((o) => o.id).sort();

describe("listing opportunities by payment status and amount due", () => {
  it("finds the deals with a line in a status", async () => {
    const api = client(app, reader);
    const withUnpaid = await api.get("/api/v1/opportunities?payment_status=unpaid");
    expect(withUnpaid.status).toBe(200);
    expect(ids(withUnpaid.body)).toEqual([partlyPaid.opportunity.id, unpaid.opportunity.id].sort());
    const withPaid = await api.get("/api/v1/opportunities?payment_status=paid");
    expect(ids(withPaid.body)).toEqual([allPaid.opportunity.id, partlyPaid.opportunity.id].sort());
  });

  it("finds the deals whose unpaid lines add up to at least an amount", async () => {
    const api = client(app, reader);
    const partlyDue = due(partlyPaid, [0]);
    const unpaidDue = due(unpaid, []);
    expect(partlyDue).not.toBe(unpaidDue);
    const threshold = Math.max(partlyDue, unpaidDue);
    const list = await api.get(`/api/v1/opportunities?min_amount_due=${threshold}`);
    expect(list.status).toBe(200);
    expect(ids(list.body)).toEqual([partlyDue >= unpaidDue ? partlyPaid : unpaid].map((d) => d.opportunity.id));
    const any = await api.get("/api/v1/opportunities?min_amount_due=1");
    expect(ids(any.body)).toEqual([partlyPaid.opportunity.id, unpaid.opportunity.id].sort());
  });

  it("refuses both filters without invoices:read, which would reveal what they filter on", async () => {
    const api = client(app, crmOnly);
    expect((await api.get("/api/v1/opportunities?payment_status=paid")).status).toBe(403);
    expect((await api.get("/api/v1/opportunities?min_amount_due=0")).status).toBe(403);
    expect((await api.get("/api/v1/opportunities")).status).toBe(200);
  });

  it("names the field and the allowed values on a bad filter", async () => {
    const bad = await client(app, reader).get("/api/v1/opportunities?payment_status=settled");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("payment_status");
  });
});
