import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { opportunityLineTotals } from "../../src/db/schema/index.ts";
import { canonicalDecimal, percentOf, sumMinor } from "../../src/lib/money.ts";
import { effectiveDepositPercent, lineTotal } from "../../src/modules/invoices/engine/index.ts";
import {
  addLine,
  createOpportunity,
  deleteOpportunity,
  type LineView,
  listLines,
  removeLine,
  updateLine,
} from "../../src/modules/opportunities/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * Line totals and each opportunity's line count and total are kept by the database as lines change; they must
 * be exactly what the money rules (src/lib/money.ts, the invoicing engine) compute for the same inputs,
 * rounding included, whatever writes the lines and however many write at once.
 */
let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;

type LineInput = {
  quantity: string;
  unit_amount: number;
  discount_percent: string;
  deposit_percent: string | null;
  withProductDeposit: boolean;
};

const decimal = (coefficient: number, scale: number) => {
  const digits = String(coefficient).padStart(scale + 1, "0");
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
};
const percent = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([c, s]) => decimal(Math.min(c, 100 * 10 ** s), s));
const lineInput: fc.Arbitrary<LineInput> = fc.record({
  quantity: fc
    .tuple(fc.integer({ min: 1, max: 10_000_000_000 }), fc.integer({ min: 0, max: 4 }))
    .map(([c, s]) => decimal(Math.min(c, 1_000_000 * 10 ** s), s)),
  unit_amount: fc.integer({ min: 0, max: 1_000_000_000 }),
  discount_percent: percent,
  deposit_percent: fc.option(percent, { nil: null }),
  withProductDeposit: fc.boolean(),
});

/** Exact halves, where rounding half away from zero matters. */
const HALVES: LineInput[] = [
  { quantity: "0.5", unit_amount: 1, discount_percent: "0", deposit_percent: null, withProductDeposit: false },
  { quantity: "1", unit_amount: 1, discount_percent: "50", deposit_percent: "50", withProductDeposit: false },
  { quantity: "1.0001", unit_amount: 5000, discount_percent: "0", deposit_percent: "10", withProductDeposit: true },
  { quantity: "3", unit_amount: 333, discount_percent: "33.3333", deposit_percent: "0.0001", withProductDeposit: true },
  { quantity: "2.5", unit_amount: 3, discount_percent: "0", deposit_percent: null, withProductDeposit: true },
  { quantity: "999999.9999", unit_amount: 999_999_999, discount_percent: "99.9999", deposit_percent: "99.9999" },
].map((line) => ({ withProductDeposit: false, ...line }));

/** What the money rules say a line shows. */
function expected(input: LineInput) {
  const total = lineTotal({
    quantity: input.quantity,
    unitAmount: input.unit_amount,
    discountPercent: input.discount_percent,
  });
  const product = { defaultDepositPercent: input.withProductDeposit ? "33" : null };
  const deposit = effectiveDepositPercent({ depositPercent: input.deposit_percent }, product, "0");
  return {
    quantity: canonicalDecimal(input.quantity),
    discountPercent: canonicalDecimal(input.discount_percent),
    depositPercent: input.deposit_percent === null ? null : canonicalDecimal(input.deposit_percent),
    lineTotalAmount: total,
    effectiveDepositPercent: deposit,
    depositAmount: percentOf(total, deposit),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Totals");
  deal = await seedDeal(ws.ctx, 0);
});
afterAll(() => database.close());

async function opportunityWith(name: string, inputs: LineInput[]) {
  const opportunity = await createOpportunity(ws.ctx, { name, company_id: deal.company.id, currency: "USD" });
  for (const { withProductDeposit, ...input } of inputs) {
    // The seeded "Website build" product carries a 33% deposit default; "Hosting" carries none.
    await addLine(ws.ctx, {
      opportunity_id: opportunity.id,
      ...input,
      product_id: withProductDeposit ? deal.product.id : deal.recurring.id,
    });
  }
  return opportunity;
}

const pick = (line: LineView) => ({
  quantity: line.quantity,
  discountPercent: line.discountPercent,
  depositPercent: line.depositPercent,
  lineTotalAmount: line.lineTotalAmount,
  effectiveDepositPercent: line.effectiveDepositPercent,
  depositAmount: line.depositAmount,
});

describe("line and opportunity totals", () => {
  const random = fc.sample(lineInput, { numRuns: 120, seed: 20_311 });
  const batches = [HALVES, random.slice(0, 40), random.slice(40, 80), random.slice(80)];
  let opportunities: { id: string; name: string; inputs: LineInput[] }[] = [];

  beforeAll(async () => {
    opportunities = [];
    for (const [index, inputs] of batches.entries()) {
      const opportunity = await opportunityWith(`Totals ${index}`, inputs);
      opportunities.push({ id: opportunity.id, name: opportunity.name, inputs });
    }
    opportunities.push({ ...(await opportunityWith("No lines", [])), inputs: [] });
  });

  it("each line's total, deposit and decimals are what the money rules compute", async () => {
    for (const { id, inputs } of opportunities) {
      const lines = await listLines(ws.ctx, { opportunity_id: id });
      expect(lines.map(pick)).toEqual(inputs.map(expected));
    }
  });

  it("each listed opportunity totals its lines exactly, on every page and filter", async () => {
    const api = client(app, ws.apiKey);
    const want = new Map(
      opportunities.map((o) => [
        o.id,
        { line_count: o.inputs.length, total_amount: sumMinor(o.inputs.map((i) => expected(i).lineTotalAmount)) },
      ]),
    );
    const seen = new Map<string, unknown>();
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { data: { id: string }[]; next_cursor: string | null } } = await api.get(
        `/api/v1/opportunities?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      for (const o of page.body.data) seen.set(o.id, o);
      cursor = page.body.next_cursor;
    } while (cursor);
    for (const [id, totals] of want) {
      expect(seen.get(id)).toMatchObject(totals);
      expect((await api.get(`/api/v1/opportunities/${id}`)).body).toMatchObject(totals);
      const name = opportunities.find((o) => o.id === id)?.name ?? "";
      const filtered = await api.get(`/api/v1/opportunities?q=${encodeURIComponent(name)}&status=open`);
      expect(filtered.body.data.find((o: { id: string }) => o.id === id)).toMatchObject(totals);
    }
  });

  it("follows line edits and removals in the same request that makes them", async () => {
    const api = client(app, ws.apiKey);
    const target = opportunities[0];
    if (!target) throw new Error("no opportunity");
    const [first, second] = await listLines(ws.ctx, { opportunity_id: target.id });
    if (!first || !second) throw new Error("lines missing");
    const edited = await updateLine(ws.ctx, {
      opportunity_id: target.id,
      line_id: first.id,
      quantity: "7",
      discount_percent: "12.5",
    });
    expect(edited.lineTotalAmount).toBe(
      lineTotal({ quantity: "7", unitAmount: first.unitAmount, discountPercent: "12.5" }),
    );
    await removeLine(ws.ctx, { opportunity_id: target.id, line_id: second.id });
    const lines = await listLines(ws.ctx, { opportunity_id: target.id });
    const body = (await api.get(`/api/v1/opportunities/${target.id}?expand=products`)).body;
    expect(body.line_count).toBe(lines.length);
    expect(body.total_amount).toBe(sumMinor(lines.map((l) => l.lineTotalAmount)));
    expect(body.products.map((l: { line_total_amount: number }) => l.line_total_amount)).toEqual(
      lines.map((l) => l.lineTotalAmount),
    );
  });

  it("counts only the workspace's own lines", async () => {
    const rival = await seedWorkspace(database, "Rival totals");
    const rivalDeal = await seedDeal(rival.ctx, 3);
    const mine = (await client(app, ws.apiKey).get("/api/v1/opportunities?limit=100")).body.data;
    expect(mine.map((o: { id: string }) => o.id)).not.toContain(rivalDeal.opportunity.id);
    const theirs = (await client(app, rival.apiKey).get("/api/v1/opportunities")).body.data;
    expect(theirs).toHaveLength(1);
    expect(theirs[0].line_count).toBe(3);
    expect(theirs[0].total_amount).toBe(sumMinor(rivalDeal.lines.map((l) => l.lineTotalAmount)));
  });

  it("stay exact under concurrent edits, multi-row writes and deletion", async () => {
    const target = await opportunityWith("Concurrent", random.slice(0, 6));
    const lines = await listLines(ws.ctx, { opportunity_id: target.id });
    await Promise.all([
      ...lines.map((line, i) =>
        updateLine(ws.ctx, { opportunity_id: target.id, line_id: line.id, quantity: String(i + 2) }),
      ),
      ...[1, 2, 3].map((q) => addLine(ws.ctx, { opportunity_id: target.id, product_id: deal.product.id, quantity: q })),
    ]);
    const second = await opportunityWith("Bulk", []);
    // One statement adding lines to two opportunities, as an import would.
    await database.db.execute(sql`
      insert into product_lines (id, workspace_id, opportunity_id, product_id, quantity, unit_amount, discount_percent)
      select 'line_Bulk' || g || o.id, ${ws.workspaceId}, o.id, ${deal.product.id}, g * 0.5, 999, 12.5
      from generate_series(1, 7) g, (values (${target.id}), (${second.id})) o(id)`);
    const totalsOf = async (id: string) => {
      const body = (await client(app, ws.apiKey).get(`/api/v1/opportunities/${id}`)).body;
      return { line_count: body.line_count, total_amount: body.total_amount };
    };
    for (const id of [target.id, second.id]) {
      const now = await listLines(ws.ctx, { opportunity_id: id });
      expect(await totalsOf(id)).toEqual({
        line_count: now.length,
        total_amount: sumMinor(now.map((l) => l.lineTotalAmount)),
      });
    }
    await deleteOpportunity(ws.ctx, { id: second.id });
    const left = await database.db
      .select()
      .from(opportunityLineTotals)
      .where(eq(opportunityLineTotals.opportunityId, second.id));
    expect(left).toEqual([]);
  });
});
