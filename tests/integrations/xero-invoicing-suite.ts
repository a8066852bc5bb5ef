import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { connectXero, httpClient, startXeroServer, XERO_NZ_TENANT } from "../support/xero-server.ts";

export type Api = ReturnType<typeof httpClient>;

/**
 * One Settle over real HTTP with the Xero sandbox for a whole test file, and the helpers its Xero invoicing
 * tests share. `suite.offsetMs` moves Settle's clock ahead (token expiry, waits that end).
 */
export function xeroInvoicingSuite() {
  const suite = {
    database: undefined as unknown as Database,
    server: undefined as unknown as Awaited<ReturnType<typeof startXeroServer>>,
    offsetMs: 0,
  };
  const clock: Clock = { now: () => new Date(Date.now() + suite.offsetMs) };

  beforeAll(async () => {
    suite.database = await createTestDatabase();
    // Settle's own limiter counts every call of the file against that organisation, while the sandbox's limit
    // starts afresh for each test: Settle's is raised to match.
    suite.server = await startXeroServer(suite.database, clock, {}, { callLimits: { perMinute: 10_000 } });
  });
  // Every workspace here shares the sandbox's one demo organisation, and with it Xero's 60 calls a minute.
  beforeEach(() => suite.server.sandbox.admin.resetRateLimits());
  afterAll(async () => {
    await suite.server.close();
    await suite.database.close();
  });

  /** A connected, linked workspace whose NZD opportunity holds a 15 % line and an untaxed one. */
  async function mixedOpportunity(name: string) {
    const ws = await seedWorkspace(suite.database, name);
    const api = httpClient(suite.server.origin, ws.apiKey);
    const company = await api("POST", "/api/v1/companies", {
      name: `${name} ${Date.now()}`,
      email: "accounts@example.test",
    });
    const taxed = await api("POST", "/api/v1/products", {
      name: "Design",
      unit_amount: 123_457,
      currency: "NZD",
      tax_rate: "15",
    });
    const untaxed = await api("POST", "/api/v1/products", { name: "Licence", unit_amount: 9_999, currency: "NZD" });
    const opp = await api("POST", "/api/v1/opportunities", {
      name: "Mixed",
      company_id: company.body.id,
      currency: "NZD",
    });
    for (const product of [taxed, untaxed]) {
      const line = await api("POST", `/api/v1/opportunities/${opp.body.id}/products`, {
        product_id: product.body.id,
        quantity: "3",
        deposit_percent: "25",
      });
      expect(line.status).toBe(201);
    }
    await connectXero(api);
    expect((await api("POST", `/api/v1/companies/${company.body.id}/xero-contact`, { mode: "create" })).status).toBe(
      200,
    );
    return { ws, api, oppId: opp.body.id as string, companyId: company.body.id as string };
  }

  const body = (extra: Record<string, unknown> = {}) => ({
    portion: "full",
    due_date: "2030-01-31",
    status: "AUTHORISED",
    ...extra,
  });
  const xeroOrg = () => suite.server.sandbox.admin.organisation(XERO_NZ_TENANT);
  const statuses = async (api: Api, oppId: string) =>
    (await api("GET", `/api/v1/opportunities/${oppId}/products`)).body.data.map(
      (l: { payment_status: string }) => l.payment_status,
    );

  async function drain() {
    const runner = createJobRunner({
      db: suite.database.db,
      clock,
      logger: createLogger("silent"),
      definitions: JOB_DEFINITIONS,
      accounting: suite.server.accounting,
    });
    // Earlier tests leave jobs too; run until nothing is due.
    while ((await runner.drainOnce()) > 0) {}
  }

  return { suite, clock, mixedOpportunity, body, xeroOrg, statuses, drain };
}
