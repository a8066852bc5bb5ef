import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { xeroCallLog, xeroRaisedInvoices, xeroSyncStates } from "../../src/db/schema/xero-sync.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { syncXeroWorkspace } from "../../src/modules/invoices/index.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { startXeroServer } from "../support/xero-server.ts";
import { type Api, connectedWorkspace, drain, raiseInXero, type Server } from "./xero-sync-support.ts";

let database: Database;
let server: Server;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, clock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const lineStatuses = async (api: Api, oppId: string) =>
  (await api("GET", `/api/v1/opportunities/${oppId}/products`)).body.data.map(
    (l: { payment_status: string }) => l.payment_status,
  );
const pageReads = async (workspaceId: string) =>
  (
    await database.db
      .select()
      .from(xeroCallLog)
      .where(and(eq(xeroCallLog.workspaceId, workspaceId), eq(xeroCallLog.action, "Reading changed Xero invoices")))
  ).length;

describe("Xero workspace sync", () => {
  it("shows invoices raised in Xero on the opportunity, never moving its lines, and reads only changes next time", async () => {
    const { ws, ctx, api, oppId, tenantId, contactId } = await connectedWorkspace(
      database,
      server,
      "Raised in Xero",
      clock,
    );
    const raised = raiseInXero(server, tenantId, contactId, "Direct from Xero");
    const queued = await api("POST", "/api/v1/integrations/xero/sync");
    expect(queued.status).toBe(202);
    expect(queued.body.state).toBe("queued");
    await drain(database, server, clock);
    const progress = await api("GET", "/api/v1/integrations/xero/sync");
    expect(progress.body).toMatchObject({ state: "idle", processed: 1, total: 1, interval_minutes: 15 });
    expect(progress.body.watermark).not.toBeNull();
    const shown = await api("GET", `/api/v1/opportunities/${oppId}/xero-raised-invoices`);
    expect(shown.body.data).toEqual([
      expect.objectContaining({
        xero_invoice_id: raised.invoiceId,
        status: "AUTHORISED",
        total_amount: 11_500,
        origin: "xero",
        payer: false,
      }),
    ]);
    expect(await lineStatuses(api, oppId)).toEqual(["unpaid", "unpaid"]);

    server.sandbox.admin.recordPayment(tenantId, raised.invoiceId);
    const before = await pageReads(ws.workspaceId);
    await syncXeroWorkspace(ctx);
    expect(await pageReads(ws.workspaceId)).toBe(before + 1);
    const paid = await api("GET", `/api/v1/opportunities/${oppId}/xero-raised-invoices`);
    expect(paid.body.data[0]).toMatchObject({ status: "PAID", amount_due_amount: 0 });
    expect(await lineStatuses(api, oppId)).toEqual(["unpaid", "unpaid"]);
    // Re-running converges: one page read, nothing changed.
    expect(await syncXeroWorkspace(ctx)).toMatchObject({ pages: 1, changed: 0 });
    const interval = await api("PATCH", "/api/v1/integrations/xero", { sync_interval_minutes: 60 });
    expect(interval.status).toBe(200);
    expect((await api("GET", "/api/v1/integrations/xero/sync")).body.interval_minutes).toBe(60);
    const bad = await api("PATCH", "/api/v1/integrations/xero", { sync_interval_minutes: 1 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("sync_interval_minutes");
  });

  it("reads only what changed since the last complete run: one call for a few changes in a large organisation", async () => {
    const { ctx, tenantId, contactId } = await connectedWorkspace(database, server, "Sync incremental", clock);
    expect(server.sandbox.admin.seedInvoices(tenantId, 1_500, contactId)).toBe(1_500);
    server.sandbox.admin.advanceClock(10 * 60_000);
    expect(await syncXeroWorkspace(ctx)).toMatchObject({ pages: 2, read: 1_500 });
    server.sandbox.admin.advanceClock(10 * 60_000);
    const remote = Object.values(server.sandbox.admin.organisation(tenantId)?.invoices ?? {});
    for (const invoice of remote.slice(0, 3)) {
      server.sandbox.admin.updateInvoice(tenantId, invoice.invoiceId, { Reference: "changed" });
    }
    // The 1,500 were answered minutes before the first run ended: only the three changes are read, in one page.
    expect(await syncXeroWorkspace(ctx)).toMatchObject({ pages: 1, read: 3 });
    expect(await syncXeroWorkspace(ctx)).toMatchObject({ pages: 1, read: 3, changed: 0 });
  });

  it("reads a Settle invoice paid in Xero and promotes its lines, paid_at from Xero's payment date", async () => {
    const { ctx, api, oppId, tenantId } = await connectedWorkspace(database, server, "Sync payment", clock);
    const sent = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, {
      portion: "full",
      due_date: "2030-01-31",
      status: "AUTHORISED",
    });
    server.sandbox.admin.recordPayment(tenantId, sent.body.xero_invoice_id);
    const xeroPaidOn =
      server.sandbox.admin.organisation(tenantId)?.invoices[sent.body.xero_invoice_id.toLowerCase()]?.fullyPaidOnDate;
    // Two at once give the same result as one.
    await Promise.all([syncXeroWorkspace(ctx), syncXeroWorkspace(ctx)]);
    const invoice = await api("GET", `/api/v1/invoices/${sent.body.id}`);
    expect(invoice.body).toMatchObject({ status: "PAID", paid_at: `${xeroPaidOn}T00:00:00.000Z` });
    expect(await lineStatuses(api, oppId)).toEqual(["paid", "paid"]);
    // Settle's own invoice is not listed again as raised in Xero.
    expect((await api("GET", `/api/v1/opportunities/${oppId}/xero-raised-invoices`)).body.data).toEqual([]);
  });

  it("links invoices Xero generates from a Settle repeating invoice and promotes only the lines it bills", async () => {
    const { ctx, api, oppId } = await connectedWorkspace(database, server, "Sync repeating", clock);
    // A second recurring line the template does not bill: its generated invoices must leave it alone.
    const support = await api("POST", "/api/v1/products", {
      name: "Support",
      unit_amount: 2_000,
      currency: "NZD",
      billing: "recurring",
    });
    await api("POST", `/api/v1/opportunities/${oppId}/products`, { product_id: support.body.id, quantity: "1" });
    const lines = (await api("GET", `/api/v1/opportunities/${oppId}/products`)).body.data;
    const today = server.sandbox.admin.now().toISOString().slice(0, 10);
    const created = await api("POST", `/api/v1/opportunities/${oppId}/xero-repeating-invoices`, {
      line_ids: [lines[1].id],
      approval: "approve",
      account_code: "200",
      schedule: { unit: "month", every: 1, start_date: today, due: { type: "days_after_invoice", day: 14 } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const generated = server.sandbox.admin.advanceClock(60_000);
    expect(generated.length).toBeGreaterThan(0);
    await syncXeroWorkspace(ctx);
    expect(await lineStatuses(api, oppId)).toEqual(["unpaid", "invoiced", "unpaid"]);
    const shown = (await api("GET", `/api/v1/opportunities/${oppId}/xero-raised-invoices`)).body.data;
    expect(shown[0]).toMatchObject({
      origin: "repeating",
      repeating_invoice_id: created.body.xero_repeating_invoice_id.toLowerCase(),
      pinned_opportunity_id: oppId,
    });
    const tenantId = (await api("GET", "/api/v1/integrations/xero")).body.tenant_id;
    server.sandbox.admin.recordPayment(tenantId, generated[0]?.invoiceId ?? "");
    await syncXeroWorkspace(ctx);
    expect(await lineStatuses(api, oppId)).toEqual(["unpaid", "paid", "unpaid"]);
  });

  it("converges under 429/500/503/slow faults on a fifth of calls: no duplicate, no status lowered", async () => {
    const { ws, ctx, tenantId, contactId } = await connectedWorkspace(database, server, "Sync faults", clock);
    expect(server.sandbox.admin.seedInvoices(tenantId, 2_300, contactId)).toBe(2_300);
    // A fault on the second page leaves the watermark at the end of the first.
    server.sandbox.admin.injectFault({ kind: "slow", delayMs: 1, count: 1, pathContains: "/Invoices" });
    server.sandbox.admin.injectFault({ kind: "500", count: 1, pathContains: "/Invoices" });
    await expect(syncXeroWorkspace(ctx)).rejects.toThrow();
    const [afterFault] = await database.db
      .select()
      .from(xeroSyncStates)
      .where(eq(xeroSyncStates.workspaceId, ws.workspaceId));
    expect(afterFault).toMatchObject({ state: "failed", processed: 1000 });
    expect(afterFault?.watermark).not.toBeNull();

    for (const kind of ["429", "500", "503", "slow"] as const) {
      server.sandbox.admin.injectFault({ kind, count: 3, rate: 0.2, delayMs: 300, pathContains: "/Invoices" });
    }
    let attempts = 0;
    for (;;) {
      attempts += 1;
      try {
        await syncXeroWorkspace(ctx);
        break;
      } catch {
        // A 429 paused the organisation: let its Retry-After pass (Settle's clock and the sandbox's).
        offsetMs += 5_000;
      }
      expect(attempts).toBeLessThan(30);
    }
    const rows = await database.db
      .select()
      .from(xeroRaisedInvoices)
      .where(eq(xeroRaisedInvoices.workspaceId, ws.workspaceId));
    expect(rows.length).toBe(2_300);
    expect(new Set(rows.map((r) => r.externalId)).size).toBe(2_300);
    expect(rows.every((r) => r.status === "AUTHORISED")).toBe(true);
    server.sandbox.admin.faults.clear();
  }, 120_000);
});
