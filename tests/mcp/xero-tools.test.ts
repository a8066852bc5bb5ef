import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { syncXeroWorkspace } from "../../src/modules/invoices/index.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { connectXero, httpClient, startXeroServer, XERO_NZ_TENANT } from "../support/xero-server.ts";
import { call, callError, mcpClient } from "./support.ts";

let database: Database;
let server: Awaited<ReturnType<typeof startXeroServer>>;
let agent: Client;
let oppId: string;
let lineId: string;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let api: ReturnType<typeof httpClient>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, systemClock);
  ws = await seedWorkspace(database, "Agents on Xero");
  api = httpClient(server.origin, ws.apiKey);
  const company = await api("POST", "/api/v1/companies", { name: `Agent Co ${Date.now()}`, email: "ap@agent.test" });
  const product = await api("POST", "/api/v1/products", { name: "Retainer", unit_amount: 50_000, currency: "NZD" });
  const opp = await api("POST", "/api/v1/opportunities", {
    name: "Agent",
    company_id: company.body.id,
    currency: "NZD",
  });
  oppId = opp.body.id;
  lineId = (await api("POST", `/api/v1/opportunities/${oppId}/products`, { product_id: product.body.id })).body.id;
  await connectXero(api);
  await api("POST", `/api/v1/companies/${company.body.id}/xero-contact`, { mode: "create" });
  await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
  agent = await mcpClient(server.origin, ws.apiKey);
});
beforeEach(() => server.sandbox.admin.resetRateLimits());
afterAll(async () => {
  await agent.close();
  await server.close();
  await database.close();
});

const xeroInvoices = () => Object.values(server.sandbox.admin.organisation(XERO_NZ_TENANT)?.invoices ?? {});

describe("Xero through MCP tools", () => {
  it("previews with dry_run, raises the invoice in Xero, pays it there with a bank account from list_xero_options", async () => {
    const before = xeroInvoices().length;
    const dry = await call(agent, "create_xero_invoice", {
      opportunity_id: oppId,
      portion: "full",
      due_date: "2030-01-31",
      status: "AUTHORISED",
      dry_run: true,
    });
    expect(dry).toMatchObject({ dry_run: true, preview: { total_amount: 50_000 } });
    expect(xeroInvoices()).toHaveLength(before);
    const raised = await call(agent, "create_xero_invoice", {
      opportunity_id: oppId,
      portion: "full",
      due_date: "2030-01-31",
      status: "AUTHORISED",
    });
    expect(raised.invoice).toMatchObject({
      provider: "xero",
      status: "AUTHORISED",
      allowed_actions: expect.arrayContaining(["record_payment"]),
    });
    expect(xeroInvoices()).toHaveLength(before + 1);
    const banks = await call(agent, "list_xero_options", { kind: "bank-accounts" });
    const native = await callError(agent, "record_payment", { invoice_id: raised.invoice.id, paid_on: "2026-12-01" });
    expect(native).toContain("bank_account_id");
    const paid = await call(agent, "record_payment", {
      invoice_id: raised.invoice.id,
      paid_on: "2026-12-01",
      bank_account_id: banks.data[0].id,
    });
    expect(paid).toMatchObject({ status: "PAID", amount_due_amount: 0 });
    expect(xeroInvoices().find((i) => i.invoiceId === raised.invoice.xero_invoice_id)?.status).toBe("PAID");
    const lines = await call(agent, "get_opportunity_products", { opportunity_id: oppId });
    expect(lines.data.find((l: { id: string }) => l.id === lineId)?.payment_status).toBe("paid");
    // Mark as Paid already queued a sync of the opportunity, so this one joins it.
    expect(await call(agent, "sync_xero_invoices", { opportunity_id: oppId })).toEqual({ queued: false });
  });

  it("creates a repeating invoice and refuses ongoing as a one-off", async () => {
    const refused = await callError(agent, "create_xero_invoice", {
      opportunity_id: oppId,
      portion: "ongoing",
      due_date: "2030-01-31",
      status: "DRAFT",
    });
    expect(refused).toContain("repeating");
    const repeating = await call(agent, "create_xero_repeating_invoice", {
      opportunity_id: oppId,
      line_ids: [lineId],
      approval: "draft",
      schedule: {
        unit: "month",
        every: 12,
        start_date: "2027-01-01",
        due: { type: "day_of_following_month", day: 20 },
      },
    });
    expect(repeating.schedule.summary).toBe("First invoice on 1 Jan 2027, then every year");
  });
});

describe("payer companies, pinning and the integration log through MCP tools", () => {
  it("lists, adds and removes payer companies as REST does, and pins a Xero invoice of the payer to the opportunity", async () => {
    expect(await call(agent, "list_payer_companies", { opportunity_id: oppId })).toEqual({
      data: [],
      has_more: false,
      next_cursor: null,
    });
    const payer = await api("POST", "/api/v1/companies", { name: `Payer ${Date.now()}`, email: "ap@payer.test" });
    await api("POST", `/api/v1/companies/${payer.body.id}/xero-contact`, { mode: "create" });
    const added = await call(agent, "add_payer_company", { opportunity_id: oppId, company_id: payer.body.id });
    expect(added.data).toEqual([expect.objectContaining({ id: payer.body.id, name: payer.body.name })]);
    // Adding it again changes nothing; REST answers the same list.
    await call(agent, "add_payer_company", { opportunity_id: oppId, company_id: payer.body.id });
    const rest = await api("GET", `/api/v1/opportunities/${oppId}/payer-companies`);
    expect(rest.body.data).toEqual(added.data);

    const contactId = (await api("GET", `/api/v1/companies/${payer.body.id}`)).body.xero_contact_id;
    const raised = server.sandbox.admin.createInvoice(XERO_NZ_TENANT, {
      Type: "ACCREC",
      Contact: { ContactID: contactId },
      Date: "2026-11-01",
      DueDate: "2026-12-01",
      Status: "AUTHORISED",
      LineItems: [{ Description: "Paid by the payer", Quantity: 1, UnitAmount: 100, AccountCode: "200" }],
    });
    if (!raised.ok) throw new Error(raised.errors.join(" "));
    await syncXeroWorkspace({ ...ws.ctx, accounting: server.accounting });
    const xeroInvoiceId = raised.value.invoiceId.toLowerCase();
    const pinned = await call(agent, "pin_xero_invoice", { xero_invoice_id: xeroInvoiceId, opportunity_id: oppId });
    expect(pinned).toEqual({ xero_invoice_id: xeroInvoiceId, pinned_opportunity_id: oppId });
    const shown = await api("GET", `/api/v1/opportunities/${oppId}/xero-raised-invoices`);
    expect(shown.body.data).toEqual([
      expect.objectContaining({ xero_invoice_id: xeroInvoiceId, payer: true, pinned_opportunity_id: oppId }),
    ]);
    expect(
      await callError(agent, "pin_xero_invoice", { xero_invoice_id: "not-an-invoice", opportunity_id: oppId }),
    ).toMatch(/not_found/);

    const removed = await call(agent, "remove_payer_company", { opportunity_id: oppId, company_id: payer.body.id });
    expect(removed.data).toEqual([]);
    // Another workspace's company is not found, never forbidden.
    const other = await seedWorkspace(database, "Someone else");
    const theirs = await httpClient(server.origin, other.apiKey)("POST", "/api/v1/companies", { name: "Theirs" });
    expect(await callError(agent, "add_payer_company", { opportunity_id: oppId, company_id: theirs.body.id })).toMatch(
      /not_found|company_id/,
    );
  });

  it("reads the integration log with integrations:read, filtered and paged like GET /integrations/xero/log", async () => {
    const log = await call(agent, "list_xero_log", { limit: 2 });
    const rest = await api("GET", "/api/v1/integrations/xero/log?limit=2");
    expect(log).toEqual(rest.body);
    expect(log.has_more).toBe(true);
    const next = await call(agent, "list_xero_log", { limit: 2, cursor: log.next_cursor });
    expect(next.data[0].id < log.data[1].id).toBe(true);
    const ok = await call(agent, "list_xero_log", { outcome: "ok" });
    expect(ok.data.every((e: { outcome: string }) => e.outcome === "ok")).toBe(true);
    expect(await callError(agent, "list_xero_log", { outcome: "nope" })).toContain("outcome");

    const readOnly = await mcpClient(server.origin, await keyWithScopes(database, ws, ["invoices:read"]));
    try {
      const names = (await readOnly.listTools()).tools.map((t) => t.name);
      expect(names).toContain("list_payer_companies");
      expect(names).not.toContain("list_xero_log");
      expect(names).not.toContain("add_payer_company");
      expect(await callError(readOnly, "list_xero_log", {})).toMatch(/not found|insufficient_scope/i);
    } finally {
      await readOnly.close();
    }
  });
});
