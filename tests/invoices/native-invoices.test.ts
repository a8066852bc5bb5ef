import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Invoicing");
  api = client(app, ws.apiKey);
});
afterAll(() => database.close());

async function statuses(opportunityId: string): Promise<string[]> {
  return (await api.get(`/api/v1/opportunities/${opportunityId}/products`)).body.data.map(
    (l: { payment_status: string }) => l.payment_status,
  );
}

describe("deposit, balance and payment", () => {
  it("moves lines Deposit Invoiced → Invoiced → Paid, to the cent", async () => {
    const deal = await seedDeal(ws.ctx, 2);
    const [build] = deal.lines;
    const opp = deal.opportunity.id;
    const depositPreview = await api.post(`/api/v1/opportunities/${opp}/invoices/preview`, { portion: "deposit" });
    expect(depositPreview.status).toBe(200);
    expect(depositPreview.body.lines.map((l: { product_line_id: string }) => l.product_line_id)).toEqual([build?.id]);
    const depositAmount = depositPreview.body.lines[0].amount;
    expect(depositAmount).toBe(Math.round(250_000 * 0.33));
    const [shown] = (await api.get(`/api/v1/opportunities/${opp}/products`)).body.data;
    expect(shown).toMatchObject({
      deposit_percent: null,
      effective_deposit_percent: 33,
      deposit_amount: depositAmount,
    });

    const deposit = await api.post(`/api/v1/opportunities/${opp}/invoices`, {
      portion: "deposit",
      due_date: "2026-12-31",
    });
    expect(deposit.status).toBe(201);
    expect(deposit.body).toMatchObject({
      status: "DRAFT",
      provider: "native",
      portion: "deposit",
      total_amount: depositPreview.body.total_amount,
    });
    expect(deposit.body.number).toMatch(/^INV-\d{4}$/);
    expect(await statuses(opp)).toEqual(["unpaid", "unpaid"]);

    const approved = await api.post(`/api/v1/invoices/${deposit.body.id}/approve`);
    expect(approved.body.status).toBe("AUTHORISED");
    expect(approved.body.sent_at).toBeTruthy();
    expect(await statuses(opp)).toEqual(["deposit_invoiced", "unpaid"]);
    expect((await api.post(`/api/v1/invoices/${deposit.body.id}/approve`)).status).toBe(409);

    const balancePreview = await api.post(`/api/v1/opportunities/${opp}/invoices/preview`, { portion: "balance" });
    expect(balancePreview.body.lines[0].amount + depositAmount).toBe(250_000);
    const balance = await api.post(`/api/v1/opportunities/${opp}/invoices`, { portion: "balance" });
    await api.post(`/api/v1/invoices/${balance.body.id}/approve`);
    expect(await statuses(opp)).toEqual(["invoiced", "unpaid"]);

    const partial = await api.post(`/api/v1/invoices/${balance.body.id}/payments`, {
      amount: 1000,
      paid_on: "2026-11-20",
      method: "bank_transfer",
    });
    expect(partial.body).toMatchObject({
      status: "AUTHORISED",
      amount_paid_amount: 1000,
      amount_due_amount: balance.body.total_amount - 1000,
    });
    const over = await api.post(`/api/v1/invoices/${balance.body.id}/payments`, {
      amount: balance.body.total_amount,
      paid_on: "2026-11-20",
      method: "cash",
    });
    expect(over.status).toBe(400);
    expect(over.body.error.issues[0].field).toBe("amount");
    const rest = await api.post(`/api/v1/invoices/${balance.body.id}/payments`, {
      amount: balance.body.total_amount - 1000,
      paid_on: "2026-11-21",
      method: "cash",
    });
    expect(rest.body).toMatchObject({ status: "PAID", amount_due_amount: 0 });
    // The balance is paid but the deposit is not: the line is not fully settled yet.
    expect(await statuses(opp)).toEqual(["invoiced", "unpaid"]);
    await api.post(`/api/v1/invoices/${deposit.body.id}/payments`, {
      amount: deposit.body.total_amount,
      paid_on: "2026-11-22",
      method: "card",
    });
    expect(await statuses(opp)).toEqual(["paid", "unpaid"]);
    const history = await api.get(`/api/v1/opportunities/${opp}/products/${build?.id}/payment-status-history`);
    expect(history.body.data.map((h: { to: string }) => h.to)).toEqual(
      expect.arrayContaining(["deposit_invoiced", "invoiced", "paid"]),
    );

    expect((await api.patch(`/api/v1/invoices/${balance.body.id}`, { reference: "late edit" })).status).toBe(409);
  });

  it("never pre-selects billed lines and asks to confirm double billing", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const opp = deal.opportunity.id;
    const full = await api.post(`/api/v1/opportunities/${opp}/invoices`, { portion: "full" });
    await api.post(`/api/v1/invoices/${full.body.id}/approve`);
    const again = await api.post(`/api/v1/opportunities/${opp}/invoices/preview`, { portion: "full" });
    expect(again.body.lines).toEqual([]);
    const lineId = deal.lines[0]?.id;
    const ticked = await api.post(`/api/v1/opportunities/${opp}/invoices/preview`, {
      portion: "full",
      line_ids: [lineId],
    });
    expect(ticked.body.lines[0].warning).toBe("double_billing");
    const refused = await api.post(`/api/v1/opportunities/${opp}/invoices`, { portion: "full", line_ids: [lineId] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0].field).toBe("confirm_double_billing");
    const confirmed = await api.post(`/api/v1/opportunities/${opp}/invoices`, {
      portion: "full",
      line_ids: [lineId],
      confirm_double_billing: true,
    });
    expect(confirmed.status).toBe(201);
  });

  it("voiding leaves lines where they are; free-form lines bill nothing on the ladder", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const opp = deal.opportunity.id;
    const inv = await api.post(`/api/v1/opportunities/${opp}/invoices`, {
      portion: "full",
      free_lines: [{ description: "Travel", quantity: "2", unit_amount: 4500, tax_rate: "0" }],
    });
    expect(inv.body.lines.at(-1)).toMatchObject({ product_line_id: null, amount: 9000 });
    await api.post(`/api/v1/invoices/${inv.body.id}/approve`);
    const voided = await api.post(`/api/v1/invoices/${inv.body.id}/void`);
    expect(voided.body).toMatchObject({ status: "VOIDED", amount_due_amount: 0 });
    expect(await statuses(opp)).toEqual(["invoiced"]);
  });

  it("answers through the /deals alias and 404s an unknown line id", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const viaDeals = await api.post(`/api/v1/deals/${deal.opportunity.id}/invoices/preview`, { portion: "full" });
    expect(viaDeals.status).toBe(200);
    const unknown = await api.post(`/api/v1/opportunities/${deal.opportunity.id}/invoices/preview`, {
      portion: "full",
      line_ids: ["line_nope"],
    });
    expect(unknown.status).toBe(404);
    const badPortion = await api.post(`/api/v1/opportunities/${deal.opportunity.id}/invoices/preview`, {
      portion: "half",
    });
    expect(badPortion.status).toBe(400);
    expect(badPortion.body.error.issues[0].allowed).toEqual(["full", "deposit", "balance", "ongoing"]);
  });
});

describe("concurrency", () => {
  it("numbers concurrently created invoices without gaps or duplicates", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const lineId = deal.lines[0]?.id;
    const before = (await api.get(`/api/v1/opportunities/${deal.opportunity.id}/invoices`)).body.data.length;
    const created = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.post(`/api/v1/opportunities/${deal.opportunity.id}/invoices`, {
          portion: "full",
          line_ids: [lineId],
          confirm_double_billing: true,
        }),
      ),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    const all = (await api.get(`/api/v1/opportunities/${deal.opportunity.id}/invoices`)).body.data;
    expect(all.length - before).toBe(8);
    const numbers = created.map((r) => Number(String(r.body.number).slice(4))).sort((a, b) => a - b);
    const first = numbers[0] ?? 0;
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => first + i));
  });

  it("approves a draft once when two approvals race", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const draft = await api.post(`/api/v1/opportunities/${deal.opportunity.id}/invoices`, { portion: "full" });
    const results = await Promise.all([
      api.post(`/api/v1/invoices/${draft.body.id}/approve`),
      api.post(`/api/v1/invoices/${draft.body.id}/approve`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = await api.get(
      `/api/v1/opportunities/${deal.opportunity.id}/products/${deal.lines[0]?.id}/payment-status-history`,
    );
    expect(history.body.data.filter((h: { to: string }) => h.to === "invoiced")).toHaveLength(1);
  });
});

describe("opportunity totals", () => {
  it("are recomputed by the job the invoice change enqueued", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const opp = deal.opportunity.id;
    const inv = await api.post(`/api/v1/opportunities/${opp}/invoices`, { portion: "full" });
    await api.post(`/api/v1/invoices/${inv.body.id}/approve`);
    await api.post(`/api/v1/invoices/${inv.body.id}/payments`, { amount: 500, paid_on: "2026-11-20", method: "cash" });
    const runner = createJobRunner({
      db: database.db,
      clock: systemClock,
      logger: createLogger("silent"),
      definitions: JOB_DEFINITIONS,
      concurrency: 50,
    });
    while ((await runner.drainOnce()) > 0) {
      // drain everything queued so far
    }
    const summary = await api.get(`/api/v1/opportunities/${opp}/invoice-summary`);
    expect(summary.body).toMatchObject({
      currency: "USD",
      invoiced_amount: inv.body.total_amount,
      paid_amount: 500,
      outstanding_amount: inv.body.total_amount - 500,
    });
  });
});

describe("workspace settings and currencies", () => {
  it("numbers with the configured prefix and extracts tax from tax-inclusive prices", async () => {
    const other = await seedWorkspace(database, "Inclusive");
    const owner = client(app, other.apiKey);
    const settings = await owner.patch("/api/v1/settings/invoicing", { number_prefix: "NZ-", tax_mode: "inclusive" });
    expect(settings.body).toMatchObject({ number_prefix: "NZ-", tax_mode: "inclusive" });
    const deal = await seedDeal(other.ctx, 1);
    const invoice = await owner.post(`/api/v1/opportunities/${deal.opportunity.id}/invoices`, { portion: "full" });
    expect(invoice.body.number).toBe("NZ-0001");
    // 2,500.00 including 12.5% tax: the total stays the price, the tax is the part of it that is tax.
    expect(invoice.body.total_amount).toBe(250_000);
    expect(invoice.body.tax_amount).toBe(250_000 - Math.round(250_000 / 1.125));
    expect(invoice.body.subtotal_amount + invoice.body.tax_amount).toBe(250_000);
    const bad = await owner.patch("/api/v1/settings/invoicing", { tax_mode: "sometimes" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].allowed).toEqual(["exclusive", "inclusive"]);
  });

  it("bills zero- and three-decimal currencies in their own minor units", async () => {
    for (const [currency, unit, expectedDeposit] of [
      ["JPY", 100_001, 33_000],
      ["KWD", 1_000_001, 330_000],
    ] as const) {
      const company = await api.post("/api/v1/companies", { name: `${currency} client` });
      const product = await api.post("/api/v1/products", {
        name: `${currency} service`,
        unit_amount: unit,
        currency,
        deposit_percent: 33,
      });
      const opp = await api.post("/api/v1/opportunities", {
        name: `${currency} deal`,
        company_id: company.body.id,
        currency,
      });
      await api.post(`/api/v1/opportunities/${opp.body.id}/products`, { product_id: product.body.id, quantity: 1 });
      const deposit = await api.post(`/api/v1/opportunities/${opp.body.id}/invoices/preview`, { portion: "deposit" });
      expect(deposit.body.currency).toBe(currency);
      expect(deposit.body.lines[0].amount).toBe(expectedDeposit);
    }
  });
});

describe("records that invoices depend on", () => {
  it("keeps a line billed on a sent invoice, and refuses a zero invoice", async () => {
    const deal = await seedDeal(ws.ctx, 2);
    const opp = deal.opportunity.id;
    const lineId = deal.lines[0]?.id;
    const inv = await api.post(`/api/v1/opportunities/${opp}/invoices`, { portion: "full", line_ids: [lineId] });
    await api.post(`/api/v1/invoices/${inv.body.id}/approve`);
    const removal = await api.delete(`/api/v1/opportunities/${opp}/products/${lineId}`);
    expect(removal.status).toBe(409);
    expect(removal.body.error.message).toContain(inv.body.number);
    // The second line's product has no deposit %, so a deposit invoice of it bills nothing.
    const zero = await api.post(`/api/v1/opportunities/${opp}/invoices`, {
      portion: "deposit",
      line_ids: [deal.lines[1]?.id],
    });
    expect(zero.status).toBe(400);
    await api.post(`/api/v1/invoices/${inv.body.id}/void`);
    expect((await api.delete(`/api/v1/opportunities/${opp}/products/${lineId}`)).status).toBe(204);
  });
});
