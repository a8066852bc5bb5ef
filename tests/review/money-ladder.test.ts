import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import {
  approveInvoice,
  createInvoice,
  getInvoice,
  previewInvoice,
  recordPayment,
  updateInvoiceSettings,
  voidInvoice,
} from "../../src/modules/invoices/index.ts";
import { listPaymentStatusHistory, removeLine } from "../../src/modules/opportunities/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
afterAll(() => database.close());

/** What an invoice line billed of its product line's total: net when exclusive, gross when inclusive. */
function billed(invoice: { taxMode: string; lines: { amount: number; taxAmount: number }[] }): number {
  const [line] = invoice.lines;
  if (!line) throw new Error("no line");
  return invoice.taxMode === "inclusive" ? line.amount + line.taxAmount : line.amount;
}

describe("deposit + balance = line total when the tax mode changes in between (SPEC §4.1)", () => {
  it.each([
    ["exclusive", "inclusive"],
    ["inclusive", "exclusive"],
  ] as const)("deposit %s, balance %s", async (first, second) => {
    const ws = await seedWorkspace(database);
    await updateInvoiceSettings(ws.ctx, { tax_mode: first });
    const deal = await seedDeal(ws.ctx, 1);
    const line = deal.lines[0];
    if (!line) throw new Error("no line");
    const deposit = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "deposit" });
    await approveInvoice(ws.ctx, { id: deposit.id });
    await updateInvoiceSettings(ws.ctx, { tax_mode: second });
    const balance = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "balance" });
    const stored = [await getInvoice(ws.ctx, { id: deposit.id }), await getInvoice(ws.ctx, { id: balance.id })];
    expect(billed(stored[0]!) + billed(stored[1]!)).toBe(line.lineTotalAmount);
  });
});

describe("lines of a draft invoice removed before it is sent", () => {
  it("the invoice can still be approved and paid; the remaining lines move up", async () => {
    const ws = await seedWorkspace(database);
    const deal = await seedDeal(ws.ctx, 2);
    const [gone, kept] = deal.lines;
    if (!gone || !kept) throw new Error("no lines");
    const draft = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "full" });
    await removeLine(ws.ctx, { opportunity_id: deal.opportunity.id, line_id: gone.id });
    const sent = await approveInvoice(ws.ctx, { id: draft.id });
    expect(sent.status).toBe("AUTHORISED");
    const paid = await recordPayment(ws.ctx, {
      invoice_id: draft.id,
      amount: (await getInvoice(ws.ctx, { id: draft.id })).totalAmount,
      paid_on: "2026-01-05",
      method: "cash",
    });
    expect(paid.status).toBe("PAID");
    const history = await listPaymentStatusHistory(ws.ctx, {
      opportunity_id: deal.opportunity.id,
      line_id: kept.id,
      limit: 50,
    });
    expect(history.data.map((h) => h.toStatus)).toEqual(["invoiced", "paid"]);
  });
});

describe("payments never exceed the amount due, even concurrently", () => {
  it("20 concurrent payments of 30% each: at most the total is paid, once PAID", async () => {
    const ws = await seedWorkspace(database);
    const deal = await seedDeal(ws.ctx, 1);
    const draft = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "full" });
    await approveInvoice(ws.ctx, { id: draft.id });
    const invoice = await getInvoice(ws.ctx, { id: draft.id });
    const part = Math.ceil(invoice.totalAmount * 0.3);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        recordPayment(ws.ctx, { invoice_id: invoice.id, amount: part, paid_on: "2026-01-05", method: "bank_transfer" }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    expect(ok).toBe(3);
    const after = await getInvoice(ws.ctx, { id: invoice.id });
    expect(after.amountPaidAmount).toBe(part * 3);
    expect(after.amountPaidAmount).toBeLessThanOrEqual(after.totalAmount);
    expect(after.status).toBe("AUTHORISED");
    const rest = after.totalAmount - after.amountPaidAmount;
    const settle = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        recordPayment(ws.ctx, { invoice_id: invoice.id, amount: rest, paid_on: "2026-01-06", method: "cash" }),
      ),
    );
    expect(settle.filter((r) => r.status === "fulfilled").length).toBe(1);
    const final = await getInvoice(ws.ctx, { id: invoice.id });
    expect(final).toMatchObject({ status: "PAID", amountPaidAmount: final.totalAmount });
    const line = deal.lines[0];
    if (!line) throw new Error("no line");
    const history = await listPaymentStatusHistory(ws.ctx, {
      opportunity_id: deal.opportunity.id,
      line_id: line.id,
      limit: 50,
    });
    expect(history.data.map((h) => h.toStatus)).toEqual(["invoiced", "paid"]);
  });
});

describe("races", () => {
  it("concurrent approvals: one wins, one history row per line", async () => {
    const ws = await seedWorkspace(database);
    const deal = await seedDeal(ws.ctx, 2);
    const invoice = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "full" });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => approveInvoice(ws.ctx, { id: invoice.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(1);
    for (const line of deal.lines) {
      const history = await listPaymentStatusHistory(ws.ctx, {
        opportunity_id: deal.opportunity.id,
        line_id: line.id,
        limit: 50,
      });
      expect(history.data.map((h) => h.toStatus)).toEqual(["invoiced"]);
    }
  });

  it("concurrent creations number gap-free and unique", async () => {
    const ws = await seedWorkspace(database);
    const deal = await seedDeal(ws.ctx, 1);
    const created = await Promise.all(
      Array.from({ length: 12 }, () =>
        createInvoice(ws.ctx, {
          opportunity_id: deal.opportunity.id,
          portion: "full",
          line_ids: [],
          free_lines: [{ description: "Visit", unit_amount: 1000 }],
        }),
      ),
    );
    const numbers = created.map((i) => i.number).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `INV-${String(i + 1).padStart(4, "0")}`));
  });

  it("a voided deposit no longer counts: the balance bills the whole line", async () => {
    const ws = await seedWorkspace(database);
    const deal = await seedDeal(ws.ctx, 1);
    const line = deal.lines[0];
    if (!line) throw new Error("no line");
    const deposit = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "deposit" });
    await approveInvoice(ws.ctx, { id: deposit.id });
    await voidInvoice(ws.ctx, { id: deposit.id });
    const preview = await previewInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "balance" });
    expect(preview.lines[0]?.amount).toBe(line.lineTotalAmount);
  });
});

describe("REST: status changes need invoices:write and write history only on change", () => {
  it("PATCH with the same status records nothing", async () => {
    const ws = await seedWorkspace(database);
    const deal = await seedDeal(ws.ctx, 1);
    const line = deal.lines[0];
    if (!line) throw new Error("no line");
    const api = client(app, ws.apiKey);
    const path = `/api/v1/opportunities/${deal.opportunity.id}/products/${line.id}`;
    expect((await api.patch(path, { payment_status: "paid" })).status).toBe(200);
    expect((await api.patch(path, { payment_status: "paid" })).status).toBe(200);
    const history = await api.get(`${path}/payment-status-history`);
    expect(history.body.data.length).toBe(1);
  });
});

describe("listPaymentStatusHistory parses its page input", () => {
  it("defaults the limit and refuses a bad one, for every transport", async () => {
    const ws = await seedWorkspace(database);
    const deal = await seedDeal(ws.ctx, 1);
    const line = deal.lines[0];
    if (!line) throw new Error("no line");
    const draft = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "full" });
    await approveInvoice(ws.ctx, { id: draft.id });
    const page = await listPaymentStatusHistory(ws.ctx, { opportunity_id: deal.opportunity.id, line_id: line.id });
    expect(page.data.map((h) => h.toStatus)).toEqual(["invoiced"]);
    await expect(
      listPaymentStatusHistory(ws.ctx, { opportunity_id: deal.opportunity.id, line_id: line.id, limit: 0 }),
    ).rejects.toMatchObject({
      code: "invalid_input",
    });
  });
});
