import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { automationRuns, businessEvents } from "../../src/db/schema/index.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { connectXero, httpClient, startXeroServer } from "../support/xero-server.ts";

/** Xero's side of "once per invoice": paying in Xero and syncing again and again starts one run. */
let database: Database;
let server: Awaited<ReturnType<typeof startXeroServer>>;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, clock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

async function drain() {
  const runner = createJobRunner({
    db: database.db,
    clock,
    logger: createLogger("silent"),
    definitions: JOB_DEFINITIONS,
    accounting: server.accounting,
  });
  while ((await runner.drainOnce()) > 0) {}
}

it("a Xero invoice paid through Settle and synced repeatedly fires payment_succeeded and its automation once", async () => {
  const ws = await seedWorkspace(database, "Xero once");
  const api = httpClient(server.origin, ws.apiKey);
  const company = await api("POST", "/api/v1/companies", { name: `Xero once ${Date.now()}` });
  const product = await api("POST", "/api/v1/products", { name: "Design", unit_amount: 50_000, currency: "NZD" });
  const opp = await api("POST", "/api/v1/opportunities", {
    name: "Brand",
    company_id: company.body.id,
    currency: "NZD",
  });
  await api("POST", `/api/v1/opportunities/${opp.body.id}/products`, { product_id: product.body.id });
  await connectXero(api);
  expect((await api("POST", `/api/v1/companies/${company.body.id}/xero-contact`, { mode: "create" })).status).toBe(200);
  await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
  const automation = await api("POST", "/api/v1/automations", {
    name: "Note Xero payments",
    trigger: { type: "payment_succeeded" },
    conditions: { all: [{ field: "provider", op: "eq", value: "xero" }] },
    actions: [{ type: "add_note", body: "paid {{invoice.number}}" }],
  });
  expect(automation.status, JSON.stringify(automation.body)).toBe(201);
  const invoice = await api("POST", `/api/v1/opportunities/${opp.body.id}/xero-invoices`, {
    portion: "full",
    due_date: "2030-01-31",
    status: "AUTHORISED",
  });
  expect(invoice.status, JSON.stringify(invoice.body)).toBe(201);
  const bank = (await api("GET", "/api/v1/integrations/xero/bank-accounts")).body.data[0];
  const paid = await api("POST", `/api/v1/invoices/${invoice.body.id}/payments`, {
    paid_on: "2026-12-01",
    bank_account_id: bank.id,
  });
  expect(paid.body.status).toBe("PAID");
  for (let i = 0; i < 3; i++) {
    expect((await api("POST", `/api/v1/opportunities/${opp.body.id}/xero-invoices/sync`)).status).toBeLessThan(300);
    await drain();
  }
  const events = await database.db
    .select()
    .from(businessEvents)
    .where(and(eq(businessEvents.workspaceId, ws.workspaceId), eq(businessEvents.invoiceId, invoice.body.id)));
  expect(events.filter((e) => e.type === "payment_succeeded")).toHaveLength(1);
  expect(events.filter((e) => e.type === "invoice_paid")).toHaveLength(1);
  expect(events.filter((e) => e.type === "invoice_sent")).toHaveLength(1);
  const runs = await database.db
    .select()
    .from(automationRuns)
    .where(eq(automationRuns.automationId, automation.body.id));
  expect(runs).toHaveLength(1);
  expect(runs[0]?.status).toBe("succeeded");
});
