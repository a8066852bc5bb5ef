import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { opportunities, opportunityLineTotals, productLines } from "../../src/db/schema/index.ts";
import { sumMinor } from "../../src/lib/money.ts";
import { createCompany, createProduct } from "../../src/modules/crm/index.ts";
import {
  addLine,
  createOpportunity,
  deleteOpportunity,
  removeLine,
  setPaymentStatus,
  updateLine,
  updateOpportunity,
} from "../../src/modules/opportunities/index.ts";
import { getReceivables } from "../../src/modules/reports/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * The dashboard's amounts by payment status read per-opportunity totals that the line triggers keep; they must
 * equal a sum over the lines themselves after every kind of change, in each currency.
 */
let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;

type Sums = {
  currency: string;
  unpaid_amount: number;
  deposit_invoiced_amount: number;
  invoiced_amount: number;
  paid_amount: number;
};

/** Line totals of open opportunities by status, summed here from the lines. */
async function fromLines(): Promise<Sums[]> {
  const rows = await database.db
    .select({
      currency: opportunities.currency,
      status: productLines.paymentStatus,
      amount: productLines.lineTotalAmount,
    })
    .from(productLines)
    .innerJoin(opportunities, eq(opportunities.id, productLines.opportunityId))
    .where(and(eq(productLines.workspaceId, ws.workspaceId), eq(opportunities.status, "open")));
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const of = (currency: string, status: string) =>
    sumMinor(rows.filter((r) => r.currency === currency && r.status === status).map((r) => Number(r.amount)));
  return currencies.map((currency) => ({
    currency,
    unpaid_amount: of(currency, "unpaid"),
    deposit_invoiced_amount: of(currency, "deposit_invoiced"),
    invoiced_amount: of(currency, "invoiced"),
    paid_amount: of(currency, "paid"),
  }));
}

async function reported(): Promise<Sums[]> {
  const res = await client(app, ws.apiKey).get("/api/v1/reports/receivables");
  expect(res.status).toBe(200);
  return res.body.pipeline_by_status;
}

/** Every opportunity's stored per-status totals equal its lines' (no row at all once it has no lines). */
async function expectTotalsRowsExact() {
  const stored = await database.db
    .select()
    .from(opportunityLineTotals)
    .where(eq(opportunityLineTotals.workspaceId, ws.workspaceId));
  const recomputed = await database.db.execute(sql`
    select opportunity_id,
      coalesce(sum(line_total_amount) filter (where payment_status = 'unpaid'), 0)::bigint as unpaid,
      coalesce(sum(line_total_amount) filter (where payment_status = 'deposit_invoiced'), 0)::bigint as deposit,
      coalesce(sum(line_total_amount) filter (where payment_status = 'invoiced'), 0)::bigint as invoiced,
      coalesce(sum(line_total_amount) filter (where payment_status = 'paid'), 0)::bigint as paid
    from product_lines where workspace_id = ${ws.workspaceId} group by opportunity_id`);
  // Both sides ordered here by code unit: the database's collation and localeCompare disagree on case.
  const byId = (a: { opportunityId: string }, b: { opportunityId: string }) =>
    a.opportunityId < b.opportunityId ? -1 : a.opportunityId > b.opportunityId ? 1 : 0;
  const expected = (recomputed as unknown as { rows: Record<string, unknown>[] }).rows
    .map((r) => ({
      opportunityId: String(r.opportunity_id),
      unpaidAmount: Number(r.unpaid),
      depositInvoicedAmount: Number(r.deposit),
      invoicedAmount: Number(r.invoiced),
      paidAmount: Number(r.paid),
    }))
    .sort(byId);
  expect(
    stored
      .map((s) => ({
        opportunityId: s.opportunityId,
        unpaidAmount: s.unpaidAmount,
        depositInvoicedAmount: s.depositInvoicedAmount,
        invoicedAmount: s.invoicedAmount,
        paidAmount: s.paidAmount,
      }))
      .sort(byId),
  ).toEqual(expected);
}

async function expectExact() {
  expect(await reported()).toEqual(await fromLines());
  await expectTotalsRowsExact();
}

let usdDeal: string;
let nzdDeal: string;
let usdLines: string[];
let nzdLines: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Pipeline sums");
  const company = await createCompany(ws.ctx, { name: "Harbour Dental" });
  const usd = await createProduct(ws.ctx, { name: "Build", unit_amount: 123_457, currency: "USD" });
  const nzd = await createProduct(ws.ctx, { name: "Support", unit_amount: 9_999, currency: "NZD" });
  usdDeal = (await createOpportunity(ws.ctx, { name: "US deal", company_id: company.id, currency: "USD" })).id;
  nzdDeal = (await createOpportunity(ws.ctx, { name: "NZ deal", company_id: company.id, currency: "NZD" })).id;
  usdLines = [];
  nzdLines = [];
  for (const quantity of ["1", "2.5", "0.3333"]) {
    usdLines.push((await addLine(ws.ctx, { opportunity_id: usdDeal, product_id: usd.id, quantity })).id);
    nzdLines.push(
      (await addLine(ws.ctx, { opportunity_id: nzdDeal, product_id: nzd.id, quantity, discount_percent: "12.5" })).id,
    );
  }
});
afterAll(() => database.close());

describe("receivables: amounts by payment status", () => {
  it("start with every line unpaid, per currency", async () => {
    const sums = await reported();
    expect(sums.map((s) => s.currency)).toEqual(["NZD", "USD"]);
    expect(sums.every((s) => s.unpaid_amount > 0 && s.paid_amount === 0)).toBe(true);
    await expectExact();
  });

  it("move with status changes, up and down", async () => {
    await setPaymentStatus(ws.ctx, { lineId: usdLines[0] as string, status: "deposit_invoiced" });
    await setPaymentStatus(ws.ctx, { lineId: usdLines[1] as string, status: "paid" });
    await setPaymentStatus(ws.ctx, { lineId: nzdLines[2] as string, status: "invoiced" });
    await expectExact();
    const usd = (await reported()).find((s) => s.currency === "USD");
    expect(usd?.paid_amount).toBeGreaterThan(0);
    expect(usd?.deposit_invoiced_amount).toBeGreaterThan(0);
    await setPaymentStatus(ws.ctx, { lineId: usdLines[1] as string, status: "unpaid" });
    await expectExact();
    expect((await reported()).find((s) => s.currency === "USD")?.paid_amount).toBe(0);
  });

  it("follow line edits in the status the line has", async () => {
    await updateLine(ws.ctx, { opportunity_id: nzdDeal, line_id: nzdLines[2] as string, quantity: "7.25" });
    await updateLine(ws.ctx, { opportunity_id: usdDeal, line_id: usdLines[0] as string, unit_amount: 1 });
    await expectExact();
  });

  it("follow line removals and leave closed deals out", async () => {
    await removeLine(ws.ctx, { opportunity_id: usdDeal, line_id: usdLines[0] as string });
    await expectExact();
    await updateOpportunity(ws.ctx, { id: nzdDeal, status: "won" });
    expect((await reported()).map((s) => s.currency)).toEqual(["USD"]);
    await expectExact();
    await deleteOpportunity(ws.ctx, { id: usdDeal });
    expect(await reported()).toEqual([]);
    await expectExact();
  });

  it("is what the report verb returns too", async () => {
    await updateOpportunity(ws.ctx, { id: nzdDeal, status: "open" });
    const report = await getReceivables(ws.ctx, {});
    const [nzd] = await fromLines();
    expect(report.pipelineByStatus).toEqual([
      {
        currency: "NZD",
        unpaidAmount: nzd?.unpaid_amount,
        depositInvoicedAmount: nzd?.deposit_invoiced_amount,
        invoicedAmount: nzd?.invoiced_amount,
        paidAmount: nzd?.paid_amount,
      },
    ]);
  });
});
