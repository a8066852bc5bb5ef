import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { getCompany } from "../../src/modules/crm/index.ts";
import { approveInvoice, createInvoice, recordPayment } from "../../src/modules/invoices/index.ts";
import { retryJob } from "../../src/modules/operations/index.ts";
import { listPaymentStatusHistory, updateOpportunity } from "../../src/modules/opportunities/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

/** SPEC §9: bad input never gives a 500; the answer is a 4xx whose issues name the field. */
let database: Database;
let app: TestApp;
let key: string;
let deal: SeededDeal;
let invoiceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const ws = await seedWorkspace(database);
  key = ws.apiKey;
  deal = await seedDeal(ws.ctx, 2);
  const invoice = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "full" });
  await approveInvoice(ws.ctx, { id: invoice.id });
  invoiceId = invoice.id;
});
afterAll(() => database.close());

function fields(body: { error?: { issues?: { field: string }[] } }): string[] {
  return (body.error?.issues ?? []).map((i) => i.field);
}

describe("the NUL character, which PostgreSQL text cannot hold", () => {
  it("is refused in body strings, naming the field", async () => {
    const c = client(app, key);
    const cases: [string, string, Record<string, unknown>, string][] = [
      ["POST", "/api/v1/companies", { name: "a\u0000b" }, "name"],
      ["POST", "/api/v1/api-keys", { name: "k\u0000", scopes: ["companies:read"] }, "name"],
      ["PATCH", `/api/v1/companies/${deal.company.id}`, { website: "\u0000" }, "website"],
      ["PATCH", `/api/v1/invoices/${invoiceId}`, { reference: "ref\u0000" }, "reference"],
      [
        "POST",
        `/api/v1/opportunities/${deal.opportunity.id}/invoices/preview`,
        { portion: "full", free_lines: [{ description: "x\u0000", unit_amount: 1 }] },
        "free_lines.0.description",
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await c.call(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(fields(response.body), `${method} ${path}`).toContain(field);
    }
  });

  it("is refused in path ids and query strings", async () => {
    const c = client(app, key);
    for (const path of [
      "/api/v1/invoices/%00",
      "/api/v1/api-keys/%00",
      `/api/v1/opportunities/${deal.opportunity.id}/products/a%00`,
    ]) {
      const response = await c.patch(path, {});
      expect(response.status, path).toBeLessThan(500);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
    }
    for (const path of [
      "/api/v1/invoices/%00",
      "/api/v1/companies?q=%00",
      "/api/v1/opportunities?stage=a%00",
      "/api/v1/contacts?cursor=%00",
    ]) {
      const response = await c.get(path);
      expect(response.status, path).toBe(400);
    }
  });

  it("is refused in record ids by the verbs themselves, naming the field, as MCP and jobs call them", async () => {
    const ws = await seedWorkspace(database);
    const own = await seedDeal(ws.ctx, 1);
    const line = { opportunity_id: own.opportunity.id, line_id: own.lines[0]?.id ?? "" };
    const cases: [string, () => Promise<unknown>][] = [
      ["id", () => getCompany(ws.ctx, { id: "co_\u0000" })],
      ["id", () => updateOpportunity(ws.ctx, { id: "x".repeat(65), name: "Renamed" })],
      ["line_id", () => listPaymentStatusHistory(ws.ctx, { ...line, line_id: "line_\u0000" })],
      ["opportunity_id", () => createInvoice(ws.ctx, { opportunity_id: "", portion: "full" })],
      [
        "invoice_id",
        () => recordPayment(ws.ctx, { invoice_id: "inv_\u0000", amount: 1, paid_on: "2026-01-05", method: "cash" }),
      ],
      ["id", () => retryJob(ws.ctx, { id: "job_\u0000" })],
    ];
    for (const [field, call] of cases) {
      await expect(call(), field).rejects.toMatchObject({
        code: "invalid_input",
        issues: [expect.objectContaining({ field })],
      });
    }
    expect((await listPaymentStatusHistory(ws.ctx, line)).data).toEqual([]);
  });
});

describe("invoice settings: default_deposit_percent", () => {
  it.each([["abc"], [""], ["NaN"], ["1e5"], [1e-7], [1e308], ["12.12345"], ["-1"], [101]])(
    "%j is a 400 naming the field",
    async (value) => {
      const response = await client(app, key).patch("/api/v1/settings/invoicing", { default_deposit_percent: value });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toContain("default_deposit_percent");
    },
  );

  it("still accepts a percentage as a number or a string", async () => {
    const c = client(app, key);
    expect((await c.patch("/api/v1/settings/invoicing", { default_deposit_percent: "12.5" })).body).toMatchObject({
      default_deposit_percent: 12.5,
    });
    expect((await c.patch("/api/v1/settings/invoicing", { default_deposit_percent: 0 })).status).toBe(200);
  });
});

describe("free-form invoice lines", () => {
  it.each([
    [{ tax_rate: "99999" }],
    [{ tax_rate: 1000 }],
    [{ quantity: "100000000000000000" }],
    [{ quantity: "1.123456" }],
    [{ tax_rate: "12.123456" }],
  ])("%j is a 400 on preview and create, and nothing is stored", async (extra) => {
    const c = client(app, key);
    const base = `/api/v1/opportunities/${deal.opportunity.id}/invoices`;
    const body = { portion: "full", line_ids: [], free_lines: [{ description: "Call-out", unit_amount: 0, ...extra }] };
    const before = (await c.get(base)).body.data.length;
    for (const path of [`${base}/preview`, base]) {
      const response = await c.post(path, body);
      expect(response.status, path).toBe(400);
      expect(fields(response.body).some((f) => f.startsWith("free_lines"))).toBe(true);
    }
    expect((await c.get(base)).body.data.length).toBe(before);
  });

  it("stores exactly what the preview showed for a valid free line", async () => {
    const c = client(app, key);
    const base = `/api/v1/opportunities/${deal.opportunity.id}/invoices`;
    const body = {
      portion: "full",
      line_ids: [],
      free_lines: [{ description: "Call-out", unit_amount: 999, quantity: "2.5", tax_rate: "7.25" }],
    };
    const preview = await c.post(`${base}/preview`, body);
    const created = await c.post(base, body);
    expect(created.status).toBe(201);
    expect(created.body.total_amount).toBe(preview.body.total_amount);
    expect(created.body.lines[0]).toMatchObject({ quantity: "2.5", tax_rate: "7.25" });
  });
});

describe("dates", () => {
  // Year 0 reached PostgreSQL's date column and failed there as a 500; 9999 was stored as if meant.
  const badDates = ["0000-01-01", "9999-12-31", "2026-02-30", "1899-12-31", "3000-01-01", "2026-13-01", "26-01-01"];
  const dateFields = (): [string, string, string, Record<string, unknown>][] => {
    const opp = `/api/v1/opportunities/${deal.opportunity.id}`;
    const xero = { portion: "full", account_code: "200", status: "DRAFT" };
    return [
      ["POST", `${opp}/invoices`, "issue_date", { portion: "full", confirm_double_billing: true }],
      ["POST", `${opp}/invoices`, "due_date", { portion: "full", confirm_double_billing: true }],
      ["POST", `/api/v1/deals/${deal.opportunity.id}/invoices`, "due_date", { portion: "full" }],
      ["POST", `${opp}/xero-invoices`, "due_date", xero],
      ["PATCH", `/api/v1/invoices/${invoiceId}`, "due_date", {}],
      ["POST", `/api/v1/invoices/${invoiceId}/payments`, "paid_on", { amount: 1, method: "cash" }],
    ];
  };

  it.each(badDates)("%s is a 400 naming the field and the range on every date field; nothing changes", async (date) => {
    const c = client(app, key);
    const before = (await c.get(`/api/v1/opportunities/${deal.opportunity.id}/invoices`)).body;
    for (const [method, path, field, rest] of dateFields()) {
      const response = await c.call(method, path, { ...rest, [field]: date });
      expect(response.status, `${method} ${path} ${field}`).toBe(400);
      const issue = response.body.error.issues.find((i: { field: string }) => i.field === field);
      expect(issue?.message, `${method} ${path} ${field}`).toContain("1900-01-01");
      expect(issue?.message).toContain("2999-12-31");
    }
    expect((await c.get(`/api/v1/opportunities/${deal.opportunity.id}/invoices`)).body).toEqual(before);
  });

  it("is checked by the verbs too, so MCP and every other transport refuse the same dates", async () => {
    const ws = await seedWorkspace(database);
    const other = await seedDeal(ws.ctx, 1);
    await expect(
      createInvoice(ws.ctx, { opportunity_id: other.opportunity.id, portion: "full", due_date: "0000-01-01" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      issues: [expect.objectContaining({ field: "due_date" })],
    });
  });

  it("accepts the first and last day of the range", async () => {
    const c = client(app, key);
    for (const date of ["1900-01-01", "2999-12-31", "2028-02-29"]) {
      const response = await c.patch(`/api/v1/invoices/${invoiceId}`, { due_date: date });
      expect(response.status, date).toBe(200);
      expect(response.body.due_date).toBe(date);
    }
  });
});

describe("a missing required field", () => {
  it("is named as required with its type, not as a type puzzle", async () => {
    const res = await client(app, key).post("/api/v1/companies", {});
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ field: "name", message: "required (string)" }]);
  });
});
