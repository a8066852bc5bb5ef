import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { invoices } from "../../src/db/schema/index.ts";
import { newId } from "../../src/lib/ids.ts";
import { createCompany } from "../../src/modules/crm/index.ts";
import { createOpportunity } from "../../src/modules/opportunities/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let other: Awaited<ReturnType<typeof seedWorkspace>>;
const AS_OF = "2026-11-30";

/** A native invoice with one free line of `amount`, approved, due on `due`, with `paid` recorded on it. */
async function nativeInvoice(opportunityId: string, amount: number, due: string, paid = 0) {
  const api = client(app, ws.apiKey);
  const created = await api.post(`/api/v1/opportunities/${opportunityId}/invoices`, {
    portion: "full",
    line_ids: [],
    free_lines: [{ description: "Work", unit_amount: amount }],
    issue_date: "2026-06-01",
    due_date: due,
  });
  expect(created.status).toBe(201);
  expect((await api.post(`/api/v1/invoices/${created.body.id}/approve`)).status).toBe(200);
  if (paid > 0) {
    const payment = await api.post(`/api/v1/invoices/${created.body.id}/payments`, {
      amount: paid,
      paid_on: "2026-10-15",
      method: "bank_transfer",
    });
    expect(payment.status).toBeLessThan(300);
  }
  return created.body.id as string;
}

/** An invoice as Xero sync stores it (raised and paid in Xero). */
async function syncedXeroInvoice(
  opportunityId: string,
  values: { total: number; paid: number; due: string; status: "AUTHORISED" | "PAID" | "DRAFT"; paidAt?: Date },
) {
  await database.db.insert(invoices).values({
    id: newId("invoice"),
    workspaceId: ws.workspaceId,
    opportunityId,
    provider: "xero",
    portion: "full",
    billedPortion: "full",
    number: `XI-${Math.random().toString(36).slice(2, 8)}`,
    externalId: crypto.randomUUID(),
    status: values.status,
    currency: "NZD",
    taxMode: "exclusive",
    issueDate: "2026-05-01",
    dueDate: values.due,
    subtotalAmount: values.total,
    taxAmount: 0,
    totalAmount: values.total,
    amountPaidAmount: values.paid,
    paidAt: values.paidAt ?? null,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  [ws, other] = await Promise.all([seedWorkspace(database, "Acme"), seedWorkspace(database, "Rival")]);
  const usd = await seedDeal(ws.ctx);
  const usdLater = await seedDeal(ws.ctx);
  // Current (due after as_of), 1–30 days late (partly paid), 61–90 days late.
  await nativeInvoice(usd.opportunity.id, 10_000, "2026-12-15");
  await nativeInvoice(usd.opportunity.id, 20_000, "2026-11-20", 5_000);
  await nativeInvoice(usdLater.opportunity.id, 7_000, "2026-09-10");
  const kiwi = await createCompany(ws.ctx, { name: "Kiwi Co" });
  const nzd = await createOpportunity(ws.ctx, { name: "NZ deal", company_id: kiwi.id, currency: "NZD" });
  await syncedXeroInvoice(nzd.id, { total: 40_000, paid: 0, due: "2026-10-15", status: "AUTHORISED" }); // 46 days
  await syncedXeroInvoice(nzd.id, { total: 9_000, paid: 1_000, due: "2026-07-01", status: "AUTHORISED" }); // 152 days
  await syncedXeroInvoice(nzd.id, { total: 3_000, paid: 0, due: "2026-11-30", status: "AUTHORISED" }); // due today
  await syncedXeroInvoice(nzd.id, { total: 5_000, paid: 0, due: "2026-01-01", status: "DRAFT" }); // not owed yet
  await syncedXeroInvoice(nzd.id, {
    total: 6_000,
    paid: 6_000,
    due: "2026-09-01",
    status: "PAID",
    paidAt: new Date("2026-08-20T10:00:00Z"),
  });
});
afterAll(() => database.close());

describe("receivables", () => {
  it("sums outstanding, overdue and ageing per currency from native and synced Xero invoices", async () => {
    const res = await client(app, ws.apiKey).get(`/api/v1/reports/receivables?as_of=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        currency: "NZD",
        outstanding_amount: 40_000 + 8_000 + 3_000,
        overdue_amount: 48_000,
        ageing: { current: 3_000, days_1_30: 0, days_31_60: 40_000, days_61_90: 0, days_90_plus: 8_000 },
      },
      {
        currency: "USD",
        outstanding_amount: 10_000 + 15_000 + 7_000,
        overdue_amount: 22_000,
        ageing: { current: 10_000, days_1_30: 15_000, days_31_60: 0, days_61_90: 7_000, days_90_plus: 0 },
      },
    ]);
    const kiwi = res.body.by_company.find((c: { company_name: string }) => c.company_name === "Kiwi Co");
    expect(kiwi).toMatchObject({ currency: "NZD", outstanding_amount: 51_000, overdue_amount: 48_000 });
    expect(res.body.by_company.filter((c: { currency: string }) => c.currency === "USD")).toHaveLength(2);
  });

  it("reports paid per month over the last twelve months, from recorded payments and Xero", async () => {
    const res = await client(app, ws.apiKey).get(`/api/v1/reports/receivables?as_of=${AS_OF}`);
    const months = res.body.paid_by_month as { month: string; currency: string; paid_amount: number }[];
    expect(months.filter((m) => m.currency === "USD")).toHaveLength(12);
    expect(months[0]?.month).toBe("2025-12");
    expect(months.find((m) => m.currency === "USD" && m.month === "2026-10")?.paid_amount).toBe(5_000);
    expect(months.find((m) => m.currency === "NZD" && m.month === "2026-08")?.paid_amount).toBe(6_000);
  });

  it("sums open opportunities' lines by payment status", async () => {
    const deal = await seedDeal(ws.ctx, 2);
    const res = await client(app, ws.apiKey).get(`/api/v1/reports/receivables?as_of=${AS_OF}`);
    const usd = res.body.pipeline_by_status.find((p: { currency: string }) => p.currency === "USD");
    const total = deal.lines.reduce((sum, line) => sum + line.lineTotalAmount, 0);
    expect(usd.unpaid_amount).toBeGreaterThanOrEqual(total);
    expect(usd).toHaveProperty("paid_amount");
  });

  it("needs invoices:read and shows nothing of another workspace", async () => {
    const noMoney = client(app, await keyWithScopes(database, ws, ["opportunities:read", "companies:read"]));
    const refused = await noMoney.get("/api/v1/reports/receivables");
    expect(refused.status).toBe(403);
    expect(refused.body.error.required_scope).toBe("invoices:read");
    const theirs = await client(app, other.apiKey).get(`/api/v1/reports/receivables?as_of=${AS_OF}`);
    expect(theirs.body).toMatchObject({ data: [], by_company: [], pipeline_by_status: [], paid_by_month: [] });
    const bad = await client(app, ws.apiKey).get("/api/v1/reports/receivables?as_of=yesterday");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe("as_of");
  });
});
