import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { connectXero, httpClient, startXeroServer, XERO_NZ_TENANT } from "../support/xero-server.ts";

let database: Database;
let server: Awaited<ReturnType<typeof startXeroServer>>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, systemClock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

type Api = ReturnType<typeof httpClient>;
const invoiceBody = (portion: string, extra: Record<string, unknown> = {}) => ({
  portion,
  due_date: "2030-01-31",
  account_code: "200",
  tax_type: "NONE",
  status: "AUTHORISED",
  ...extra,
});

/** A workspace with an NZD opportunity holding one 1,000.00 line (30 % deposit), optionally connected and linked. */
async function opportunityIn(name: string, options: { connect: boolean; link: boolean }) {
  const ws = await seedWorkspace(database, name);
  const api = httpClient(server.origin, ws.apiKey);
  const company = await api("POST", "/api/v1/companies", { name: `${name} ${Date.now()}` });
  const product = await api("POST", "/api/v1/products", { name: "Fit-out", unit_amount: 100_000, currency: "NZD" });
  const opp = await api("POST", "/api/v1/opportunities", {
    name: "Office",
    company_id: company.body.id,
    currency: "NZD",
  });
  const line = await api("POST", `/api/v1/opportunities/${opp.body.id}/products`, {
    product_id: product.body.id,
    deposit_percent: "30",
  });
  expect(line.status).toBe(201);
  if (options.connect) {
    await connectXero(api);
  }
  if (options.link) {
    expect((await api("POST", `/api/v1/companies/${company.body.id}/xero-contact`, { mode: "create" })).status).toBe(
      200,
    );
  }
  return { api, oppId: opp.body.id as string };
}

async function lineStatus(api: Api, oppId: string): Promise<string> {
  return (await api("GET", `/api/v1/opportunities/${oppId}/products`)).body.data[0].payment_status;
}

function xeroInvoice(id: string) {
  return server.sandbox.admin.organisation(XERO_NZ_TENANT)?.invoices[id.toLowerCase()];
}

async function payInXeroAndSync(api: Api, oppId: string, externalId: string) {
  expect(server.sandbox.admin.recordPayment(XERO_NZ_TENANT, externalId).ok).toBe(true);
  expect((await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices/sync`)).body.queued).toBe(true);
  // Queued twice while waiting is still one job.
  expect((await api("POST", `/api/v1/deals/${oppId}/xero-invoices/sync`)).body.queued).toBe(false);
  await drain();
}

async function drain() {
  const logger = createLogger("silent");
  const runner = createJobRunner({
    db: database.db,
    clock: systemClock,
    logger,
    definitions: JOB_DEFINITIONS,
    accounting: server.accounting,
  });
  while ((await runner.drainOnce()) > 0) {}
}

describe("Xero invoices from an opportunity", () => {
  it("sends a deposit invoice, and a paid deposit alone leaves the line deposit_invoiced", async () => {
    const { api, oppId } = await opportunityIn("Xero deposit", { connect: true, link: true });
    const sent = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, invoiceBody("deposit"));
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ provider: "xero", status: "AUTHORISED", total_amount: 30_000 });
    const [stored] = (await database.db.query.invoices.findMany()).filter((i) => i.id === sent.body.id);
    const externalId = stored?.externalId ?? "";
    expect(sent.body.number).toBe(xeroInvoice(externalId)?.invoiceNumber);
    expect(xeroInvoice(externalId)?.total).toBe(300);
    expect(await lineStatus(api, oppId)).toBe("deposit_invoiced");

    await payInXeroAndSync(api, oppId, externalId);
    const [paid] = (await api("GET", `/api/v1/opportunities/${oppId}/invoices`)).body.data;
    expect(paid).toMatchObject({ status: "PAID", amount_paid_amount: 30_000 });
    expect(await lineStatus(api, oppId)).toBe("deposit_invoiced");
  });

  it("a paid full invoice moves the line to paid, and re-syncing changes nothing", async () => {
    const { api, oppId } = await opportunityIn("Xero full", { connect: true, link: true });
    const sent = await api("POST", `/api/v1/deals/${oppId}/xero-invoices`, invoiceBody("full"));
    expect(sent.status).toBe(201);
    expect(await lineStatus(api, oppId)).toBe("invoiced");
    const [stored] = (await database.db.query.invoices.findMany()).filter((i) => i.id === sent.body.id);
    await payInXeroAndSync(api, oppId, stored?.externalId ?? "");
    expect(await lineStatus(api, oppId)).toBe("paid");
    expect((await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices/sync`)).status).toBe(202);
    await drain();
    expect(await lineStatus(api, oppId)).toBe("paid");
    const [invoice] = (await api("GET", `/api/v1/opportunities/${oppId}/invoices`)).body.data;
    expect(invoice.status).toBe("PAID");
  });

  it("surfaces Xero's validation message and writes nothing when Xero refuses", async () => {
    const { api, oppId } = await opportunityIn("Xero refused", { connect: true, link: true });
    const countInXero = () => Object.keys(server.sandbox.admin.organisation(XERO_NZ_TENANT)?.invoices ?? {}).length;
    const before = countInXero();
    const refused = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, {
      ...invoiceBody("deposit"),
      account_code: "999",
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("invalid_input");
    expect(refused.body.error.message).toContain("Account must be valid.");
    expect(countInXero()).toBe(before);
    expect((await api("GET", `/api/v1/opportunities/${oppId}/invoices`)).body.data).toEqual([]);
    expect(await lineStatus(api, oppId)).toBe("unpaid");
  });

  it("names the fix when Xero is not connected or the company is not linked, and hides other workspaces", async () => {
    const unconnected = await opportunityIn("Xero unconnected", { connect: false, link: false });
    const noXero = await unconnected.api(
      "POST",
      `/api/v1/opportunities/${unconnected.oppId}/xero-invoices`,
      invoiceBody("deposit"),
    );
    expect(noXero.status).toBe(422);
    expect(noXero.body.error.fix).toContain("Settings → Integrations");
    const unlinked = await opportunityIn("Xero unlinked", { connect: true, link: false });
    const noContact = await unlinked.api(
      "POST",
      `/api/v1/opportunities/${unlinked.oppId}/xero-invoices`,
      invoiceBody("deposit"),
    );
    expect(noContact.status).toBe(422);
    expect(noContact.body.error.fix).toContain("Link Existing");
    const foreign = await unlinked.api(
      "POST",
      `/api/v1/opportunities/${unconnected.oppId}/xero-invoices`,
      invoiceBody("deposit"),
    );
    expect(foreign.status).toBe(404);
    const foreignSync = await unlinked.api("POST", `/api/v1/opportunities/${unconnected.oppId}/xero-invoices/sync`);
    expect(foreignSync.status).toBe(404);
  });
});
