import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { xeroConnections } from "../../src/db/schema/integrations.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { xeroLedger } from "../../src/modules/integrations/index.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { consentOnSandbox, httpClient, startXeroServer } from "../support/xero-server.ts";

const NZ = "a3f1c0de-0001-4e1a-9c55-5e771e000001";
let database: Database;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let server: Awaited<ReturnType<typeof startXeroServer>>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, clock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

async function connect(api: ReturnType<typeof httpClient>) {
  const started = await api("POST", "/api/v1/integrations/xero/connect", {});
  expect(started.status).toBe(200);
  const back = await consentOnSandbox(started.body.authorize_url, NZ);
  return api("GET", `${back.pathname}${back.search}`);
}

describe("connecting Xero", () => {
  it("connects through the sandbox consent page with state and PKCE, and disconnects", async () => {
    const ws = await seedWorkspace(database, "Xero connect");
    const api = httpClient(server.origin, ws.apiKey);
    expect((await api("GET", "/api/v1/integrations/xero")).body).toMatchObject({
      connected: false,
      status: null,
      tenant_id: null,
      tenant_name: null,
      choices: [],
    });
    const callback = await connect(api);
    expect(callback.status).toBe(302);
    expect(callback.location).toBe(`${server.origin}/settings/integrations?xero=connected`);
    expect((await api("GET", "/api/v1/integrations/xero")).body).toMatchObject({
      connected: true,
      status: "active",
      tenant_id: NZ,
      base_currency: "NZD",
    });
    // Tokens are stored sealed: the database alone reveals neither, and they open only with the key.
    const [row] = await database.db
      .select()
      .from(xeroConnections)
      .where(eq(xeroConnections.workspaceId, ws.workspaceId));
    expect(row?.accessToken).toMatch(/^v1\./);
    expect(row?.refreshToken).toMatch(/^v1\./);
    const access = server.accounting.tokenBox.open(row?.accessToken ?? "", `${ws.workspaceId}:xero:access`);
    expect(access.split(".")).toHaveLength(3);
    const ledger = server.accounting.ledger({ accessToken: access, tenantId: NZ });
    expect((await ledger.listAccounts()).length).toBeGreaterThan(0);
    expect((await api("DELETE", "/api/v1/integrations/xero")).body.connected).toBe(false);
    // Disconnecting revoked the grant at Xero: the old token no longer works.
    await expect(ledger.listAccounts()).rejects.toMatchObject({ details: { xero_status: 401 } });
    const audit = await api("GET", "/api/v1/audit-events?limit=100");
    const actions = audit.body.data.map((e: { action: string; details: { tenant_id?: string } }) => [
      e.action,
      e.details.tenant_id,
    ]);
    expect(actions).toContainEqual(["integration.connected", NZ]);
    expect(actions).toContainEqual(["integration.disconnected", NZ]);
  });

  it("refuses a callback whose state belongs to another workspace, and a replayed one", async () => {
    const owner = await seedWorkspace(database, "Xero owner");
    const other = await seedWorkspace(database, "Xero other");
    const started = await httpClient(server.origin, owner.apiKey)("POST", "/api/v1/integrations/xero/connect", {});
    const back = await consentOnSandbox(started.body.authorize_url, NZ);
    const path = `${back.pathname}${back.search}`;
    expect((await httpClient(server.origin, other.apiKey)("GET", path)).status).toBe(400);
    expect((await httpClient(server.origin, owner.apiKey)("GET", path)).status).toBe(302);
    expect((await httpClient(server.origin, owner.apiKey)("GET", path)).status).toBe(400);
    expect((await httpClient(server.origin, other.apiKey)("GET", "/api/v1/integrations/xero")).body.connected).toBe(
      false,
    );
  });

  it("refreshes an expired token once under the row lock, even when two callers race", async () => {
    const ws = await seedWorkspace(database, "Xero refresh");
    await connect(httpClient(server.origin, ws.apiKey));
    const ctx = { ...ws.ctx, clock, accounting: server.accounting };
    offsetMs = 45 * 60_000;
    try {
      const [a, b] = await Promise.all([xeroLedger(ctx), xeroLedger(ctx)]);
      // Both use the one rotated token: a lost rotation would make the stored refresh token stale.
      expect((await a.ledger.listAccounts()).map((x) => x.code)).toContain("200");
      expect((await b.ledger.listTaxRates()).length).toBeGreaterThan(0);
      offsetMs = 90 * 60_000;
      expect((await (await xeroLedger(ctx)).ledger.listAccounts()).length).toBeGreaterThan(0);
    } finally {
      offsetMs = 0;
    }
  });
});
