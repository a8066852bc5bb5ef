import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { xeroConnections } from "../../src/db/schema/integrations.ts";
import { connectXero, XERO_NZ_TENANT } from "../support/xero-server.ts";
import { xeroInvoicingSuite } from "./xero-invoicing-suite.ts";

const { suite, mixedOpportunity, body, xeroOrg, statuses, drain } = xeroInvoicingSuite();

describe("Xero invoicing when Xero fails or refuses", () => {
  it("creates exactly one Xero invoice when Xero accepted it but its answer never arrived", async () => {
    const { ws, api, oppId } = await mixedOpportunity("Xero lost answer");
    await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
    suite.server.sandbox.admin.injectFault({ kind: "503", count: 1, pathContains: "/Invoices", method: "PUT" });
    const failed = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body({ reference: "Fit-out" }));
    expect(failed.status).toBe(502);
    const [pending] = (await api("GET", `/api/v1/opportunities/${oppId}/invoices`)).body.data;
    expect(pending).toMatchObject({ xero_invoice_id: null, allowed_actions: [] });
    // A second request cannot create another while the first is unresolved.
    const again = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body());
    expect(again.status).toBe(409);
    // Xero had in fact made it (the answer was lost): it carries Settle's id in its reference.
    const [row] = await suite.database.db
      .select()
      .from(xeroConnections)
      .where(eq(xeroConnections.workspaceId, ws.workspaceId));
    const token = suite.server.accounting.tokenBox.open(row?.accessToken ?? "", `${ws.workspaceId}:xero:access`);
    const ledger = suite.server.accounting.ledger({ accessToken: token, tenantId: XERO_NZ_TENANT });
    const contactId = Object.values(xeroOrg()?.contacts ?? {}).find((c) => c.contactNumber)?.contactId ?? "";
    const made = await ledger.createInvoice(
      {
        contactId,
        currency: "NZD",
        date: "2026-11-30",
        dueDate: "2030-01-31",
        reference: `Fit-out · ${pending.id}`,
        status: "AUTHORISED",
        lineAmountTypes: "Exclusive",
        brandingThemeId: null,
        lines: [{ description: "Design", quantity: "1", unitAmount: 100, accountCode: "200", taxType: "NONE" }],
      },
      `elsewhere-${pending.id}`,
    );
    suite.offsetMs = 3 * 60_000;
    try {
      await drain();
    } finally {
      suite.offsetMs = 0;
    }
    const [recorded] = (await api("GET", `/api/v1/opportunities/${oppId}/invoices`)).body.data;
    expect(recorded).toMatchObject({ id: pending.id, xero_invoice_id: made.id, number: made.number });
    const withReference = Object.values(xeroOrg()?.invoices ?? {}).filter((i) => i.reference?.endsWith(pending.id));
    expect(withReference).toHaveLength(1);
    expect(await statuses(api, oppId)).toEqual(["invoiced", "invoiced"]);
  });

  it("after a 429 storm answers 429 with the wait, keeps nothing pending, and the retry creates one invoice", async () => {
    const { api, oppId } = await mixedOpportunity("Xero 429 storm");
    await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
    suite.server.sandbox.admin.injectFault({ kind: "429", count: 5, pathContains: "/Invoices", method: "PUT" });
    const limited = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body());
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain("rate limiting");
    expect((await api("GET", `/api/v1/opportunities/${oppId}/invoices`)).body.data).toEqual([]);
    const before = Object.keys(xeroOrg()?.invoices ?? {}).length;
    // The storm's last two 429s are waited out inside the retry (Retry-After: 1).
    let created = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body());
    while (created.status === 429) {
      created = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body());
    }
    expect(created.status).toBe(201);
    expect(Object.keys(xeroOrg()?.invoices ?? {}).length).toBe(before + 1);
  });

  it("replays a 502 for a retried Idempotency-Key rather than asking Xero again", async () => {
    const { ws, api, oppId } = await mixedOpportunity("Xero retried 502");
    await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
    suite.server.sandbox.admin.injectFault({ kind: "503", count: 1, pathContains: "/Invoices", method: "PUT" });
    const send = () =>
      fetch(`${suite.server.origin}/api/v1/opportunities/${oppId}/xero-invoices`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${ws.apiKey}`,
          "content-type": "application/json",
          "idempotency-key": "xero-502",
        },
        body: JSON.stringify(body()),
      });
    const first = await send();
    expect(first.status).toBe(502);
    const retried = await send();
    expect(retried.status).toBe(502);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect((await api("GET", `/api/v1/opportunities/${oppId}/invoices`)).body.data).toHaveLength(1);
  });

  it("forgets an invoice Xero never made once the wait is over, and the lines stay billable", async () => {
    const { api, oppId } = await mixedOpportunity("Xero never made");
    await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
    suite.server.sandbox.admin.injectFault({ kind: "503", count: 1, pathContains: "/Invoices", method: "PUT" });
    expect((await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body())).status).toBe(502);
    suite.offsetMs = 20 * 60_000;
    try {
      await drain();
    } finally {
      suite.offsetMs = 0;
    }
    expect((await api("GET", `/api/v1/opportunities/${oppId}/invoices`)).body.data).toEqual([]);
    expect((await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body())).status).toBe(201);
  });

  it("marks the connection for reconnection when Xero refuses it, and every Xero action then says how to fix it", async () => {
    const { api, oppId } = await mixedOpportunity("Xero revoked");
    expect(suite.server.sandbox.admin.revokeConnection(XERO_NZ_TENANT)).toBeGreaterThan(0);
    const refused = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body({ account_code: "200" }));
    expect(refused.status).toBe(422);
    expect(refused.body.error.fix).toContain("Reconnect Xero");
    expect((await api("GET", "/api/v1/integrations/xero")).body).toMatchObject({
      connected: true,
      status: "needs_reconnect",
    });
    const next = await api("GET", "/api/v1/integrations/xero/accounts");
    expect(next.body.error.fix).toContain("Reconnect Xero");
    expect((await api("GET", `/api/v1/opportunities/${oppId}/invoices`)).body.data).toEqual([]);
    // Reconnecting restores it.
    await connectXero(api);
    expect((await api("GET", "/api/v1/integrations/xero")).body.status).toBe("active");
  });

  it("refuses a company link made in another organisation after the workspace switched", async () => {
    const { api, oppId, companyId } = await mixedOpportunity("Xero switched");
    await suite.database.db.execute(
      // As if the link had been made while another organisation was connected.
      `update companies set xero_tenant_id = 'another-tenant' where id = '${companyId}'`,
    );
    const refused = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body({ account_code: "200" }));
    expect(refused.status).toBe(422);
    expect(refused.body.error.fix).toContain("Link Existing");
  });
});
