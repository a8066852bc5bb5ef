import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
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

describe("how a workspace invoices, for roles with invoices:* but not integrations:read", () => {
  it("says native or Xero, with the organisation and its defaults, and follows reconnects and disconnects", async () => {
    const ws = await seedWorkspace(database, "Invoicing provider");
    const admin = httpClient(server.origin, ws.apiKey);
    const biller = httpClient(
      server.origin,
      await keyWithScopes(database, ws, ["opportunities:read", "invoices:read", "invoices:write"]),
    );
    expect((await biller("GET", "/api/v1/invoicing/provider")).body).toEqual({
      provider: "native",
      xero_connected: false,
      stripe_connected: false,
      xero: null,
    });

    await connectXero(admin);
    expect((await admin("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" })).status).toBe(200);
    // The connection itself stays behind integrations:read …
    expect((await biller("GET", "/api/v1/integrations/xero")).status).toBe(403);
    // … while what invoicing needs to know is readable with invoices:read.
    expect((await biller("GET", "/api/v1/invoicing/provider")).body).toEqual({
      provider: "xero",
      xero_connected: true,
      stripe_connected: false,
      xero: {
        status: "active",
        status_reason: null,
        tenant_name: expect.any(String),
        default_account_code: "200",
        branding_theme_id: null,
        tax_mappings: [],
      },
    });

    expect(server.sandbox.admin.revokeConnection(XERO_NZ_TENANT)).toBeGreaterThan(0);
    expect((await admin("GET", "/api/v1/integrations/xero/accounts")).status).toBe(422);
    expect((await biller("GET", "/api/v1/invoicing/provider")).body).toMatchObject({
      provider: "xero",
      xero_connected: false,
      xero: { status: "needs_reconnect", status_reason: expect.any(String) },
    });

    expect((await admin("DELETE", "/api/v1/integrations/xero")).status).toBe(200);
    expect((await biller("GET", "/api/v1/invoicing/provider")).body.provider).toBe("native");
  });

  it("needs invoices:read", async () => {
    const ws = await seedWorkspace(database, "Invoicing provider scope");
    const reader = httpClient(server.origin, await keyWithScopes(database, ws, ["integrations:read"]));
    const refused = await reader("GET", "/api/v1/invoicing/provider");
    expect(refused.status).toBe(403);
    expect(refused.body.error.required_scope).toBe("invoices:read");
  });
});
