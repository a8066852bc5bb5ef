import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { invoicePayments, jobs } from "../../src/db/schema/index.ts";
import { approveInvoice, createInvoice, getInvoice, INVOICE_EVENT_JOB } from "../../src/modules/invoices/index.ts";
import { type ApiResponse, client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * invoices:write without invoices:read may approve, void, pay and edit invoices: the change commits once and
 * the answer is a 2xx carrying the invoice without a single amount (revenue is what invoices:read gates).
 */
let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let clerk: ReturnType<typeof client>;
let keyOnly: ReturnType<typeof client>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Billing");
  const admin = client(app, ws.apiKey);
  // A member whose custom role holds invoices:write and not invoices:read, signed in to the web app.
  const role = await admin.post("/api/v1/roles", { name: "Billing clerk", scopes: ["invoices:write"] });
  expect(role.status).toBe(201);
  const invited = await admin.post("/api/v1/members", { email: "clerk@example.test", role_id: role.body.id });
  expect(invited.status).toBe(201);
  const token = String(invited.body.invite_url).split("#")[1];
  const password = "Ledger-Quill-Harbour-7731";
  expect((await client(app).post("/api/v1/invites/accept", { token, password })).status).toBeLessThan(300);
  const login = await client(app).post("/api/v1/session", { email: "clerk@example.test", password });
  expect(login.status).toBe(200);
  clerk = client(app, undefined, {
    cookie: login.headers.get("set-cookie")?.split(";")[0] ?? "",
    "x-csrf-token": login.body.csrf_token,
  });
  keyOnly = client(app, await keyWithScopes(database, ws, ["invoices:write"]));
});
afterAll(() => database.close());

async function draftInvoice() {
  const deal = await seedDeal(ws.ctx, 2);
  return createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "full" });
}

async function sentInvoice() {
  const draft = await draftInvoice();
  await approveInvoice(ws.ctx, { id: draft.id });
  return draft;
}

async function invoiceEvents(invoiceId: string): Promise<string[]> {
  const rows = await database.db
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.name, INVOICE_EVENT_JOB), sql`${jobs.payload}->>'invoiceId' = ${invoiceId}`));
  return rows.map((r) => (r.payload as { event: string }).event).sort();
}

/** Every key ending in `_amount`, at any depth. */
function amountKeys(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => amountKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(k.endsWith("_amount") || k === "amount" ? [`${path}.${k}`] : []),
    ...amountKeys(v, `${path}.${k}`),
  ]);
}

function expectNoAmounts(response: ApiResponse) {
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  expect(amountKeys(response.body)).toEqual([]);
  expect(response.body.lines.length).toBeGreaterThan(0);
}

describe.each([
  ["a member whose custom role has invoices:write only", () => clerk],
  ["an API key with invoices:write only", () => keyOnly],
])("%s", (_name, caller) => {
  it("cannot read invoices", async () => {
    const invoice = await draftInvoice();
    expect((await caller().get(`/api/v1/invoices/${invoice.id}`)).status).toBe(403);
  });

  it("creates: 201 without amounts, one invoice stored", async () => {
    const deal = await seedDeal(ws.ctx, 2);
    const created = await caller().post(`/api/v1/opportunities/${deal.opportunity.id}/invoices`, { portion: "full" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expectNoAmounts(created);
    expect((await getInvoice(ws.ctx, { id: created.body.id })).totalAmount).toBeGreaterThan(0);
  });

  it("approves: 200 without amounts, sent exactly once", async () => {
    const invoice = await draftInvoice();
    const approved = await caller().post(`/api/v1/invoices/${invoice.id}/approve`);
    expectNoAmounts(approved);
    expect(approved.body).toMatchObject({ id: invoice.id, status: "AUTHORISED", currency: "USD" });
    expect(approved.body.sent_at).toBeTruthy();
    expect((await getInvoice(ws.ctx, { id: invoice.id })).status).toBe("AUTHORISED");
    expect(await invoiceEvents(invoice.id)).toEqual(["created", "sent"]);
  });

  it("voids: 200 without amounts, voided exactly once", async () => {
    const invoice = await sentInvoice();
    const voided = await caller().post(`/api/v1/invoices/${invoice.id}/void`);
    expectNoAmounts(voided);
    expect(voided.body.status).toBe("VOIDED");
    expect((await getInvoice(ws.ctx, { id: invoice.id })).status).toBe("VOIDED");
    expect(await invoiceEvents(invoice.id)).toEqual(["created", "sent", "voided"]);
  });

  it("records a payment: 200 without amounts, one payment stored", async () => {
    const invoice = await sentInvoice();
    const paid = await caller().post(`/api/v1/invoices/${invoice.id}/payments`, {
      amount: invoice.totalAmount,
      paid_on: "2026-03-02",
      method: "bank_transfer",
    });
    expectNoAmounts(paid);
    expect(paid.body.status).toBe("PAID");
    const payments = await database.db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, invoice.id));
    expect(payments.map((p) => p.amount)).toEqual([invoice.totalAmount]);
    const stored = await getInvoice(ws.ctx, { id: invoice.id });
    expect(stored.amountPaidAmount).toBe(invoice.totalAmount);
    expect(await invoiceEvents(invoice.id)).toEqual(["created", "paid", "sent"]);
  });

  it("edits and approves through PATCH: 200 without amounts", async () => {
    const invoice = await draftInvoice();
    const edited = await caller().patch(`/api/v1/invoices/${invoice.id}`, { reference: "PO-77" });
    expectNoAmounts(edited);
    expect(edited.body.reference).toBe("PO-77");
    const approved = await caller().patch(`/api/v1/invoices/${invoice.id}`, { status: "AUTHORISED" });
    expectNoAmounts(approved);
    expect(approved.body.status).toBe("AUTHORISED");
    expect(await invoiceEvents(invoice.id)).toEqual(["created", "sent", "updated", "updated"]);
  });
});

describe("a caller with invoices:read", () => {
  it("still gets every amount from the write verbs", async () => {
    const invoice = await draftInvoice();
    const approved = await client(app, ws.apiKey).post(`/api/v1/invoices/${invoice.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      total_amount: invoice.totalAmount,
      amount_paid_amount: 0,
      amount_due_amount: invoice.totalAmount,
    });
    expect(approved.body.lines[0]).toHaveProperty("amount");
    expect(approved.body.lines[0]).toHaveProperty("unit_amount");
  });
});
