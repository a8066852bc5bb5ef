import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { xeroWebhookDeliveries } from "../../src/db/schema/xero-sync.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { applyXeroInvoiceState } from "../../src/modules/invoices/apply-xero-invoice-state.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { startXeroServer } from "../support/xero-server.ts";
import { connectedWorkspace, drain, invoiceEvents, jobsNamed, postWebhook, type Server } from "./xero-sync-support.ts";

let database: Database;
let server: Server;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, clock, {}, { webhooks: true });
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const deliveries = async () => (await database.db.select().from(xeroWebhookDeliveries)).length;

describe("Xero webhooks", () => {
  it("answers Intent to Receive: 200 to a good signature, 401 to a bad or missing one, empty bodies, no cookie", async () => {
    const itr = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: "ABCDEFGHIJ" });
    const good = await postWebhook(server.origin, itr);
    expect(good).toEqual({ status: 200, text: "", cookie: null });
    const bad = await postWebhook(server.origin, itr, "not-the-key-at-all-not-the-key");
    expect(bad).toEqual({ status: 401, text: "", cookie: null });
    const missing = await fetch(`${server.origin}/webhooks/xero`, { method: "POST", body: itr });
    expect(missing.status).toBe(401);
    expect(await missing.text()).toBe("");
    // The sandbox's own check passes against the mounted Settle, as `settle start` wires it.
    expect(await server.sandbox.admin.webhooks.intentToReceive()).toBe(true);
    expect(server.sandbox.admin.webhooks.status).toBe("active");
  });

  it("stores a signed delivery once, acknowledges before processing, and a replayed POST queues nothing new", async () => {
    const { ws, tenantId } = await connectedWorkspace(database, server, "Webhook store");
    const before = await deliveries();
    const body = invoiceEvents(tenantId, ["0b5f3f3e-1111-4c1e-9a55-000000000001"]);
    const started = performance.now();
    expect((await postWebhook(server.origin, body)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await postWebhook(server.origin, body)).status).toBe(200);
    expect(await deliveries()).toBe(before + 1);
    const [stored] = await database.db
      .select()
      .from(xeroWebhookDeliveries)
      .where(eq(xeroWebhookDeliveries.eventCount, 1));
    expect(stored?.processedAt).toBeNull();
    // Tampering with the body breaks the signature.
    const forged = await fetch(`${server.origin}/webhooks/xero`, {
      method: "POST",
      headers: { "x-xero-signature": "AAAA" },
      body,
    });
    expect(forged.status).toBe(401);
    await drain(database, server, clock);
    const [processed] = await database.db
      .select()
      .from(xeroWebhookDeliveries)
      .where(and(eq(xeroWebhookDeliveries.id, stored?.id ?? "")));
    expect(processed?.processedAt).not.toBeNull();
    expect(ws.workspaceId).toBeTruthy();
  });

  it("brings a payment recorded in Xero to the invoice and its lines with no manual action", async () => {
    const { ws, api, oppId, tenantId } = await connectedWorkspace(database, server, "Webhook payment");
    const sent = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, {
      portion: "full",
      due_date: "2030-01-31",
      status: "AUTHORISED",
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const lines = async () =>
      (await api("GET", `/api/v1/opportunities/${oppId}/products`)).body.data.map(
        (l: { payment_status: string }) => l.payment_status,
      );
    expect(await lines()).toEqual(["invoiced", "invoiced"]);
    const paid = server.sandbox.admin.recordPayment(tenantId, sent.body.xero_invoice_id);
    expect(paid.ok).toBe(true);
    const xeroPaidOn =
      server.sandbox.admin.organisation(tenantId)?.invoices[sent.body.xero_invoice_id.toLowerCase()]?.fullyPaidOnDate;
    await server.sandbox.admin.webhooks.idle();
    await drain(database, server, clock);
    const invoice = await api("GET", `/api/v1/invoices/${sent.body.id}`);
    expect(invoice.body.status).toBe("PAID");
    expect(invoice.body.paid_at).toBe(`${xeroPaidOn}T00:00:00.000Z`);
    expect(await lines()).toEqual(["paid", "paid"]);

    // Duplicated and reordered deliveries of the same events change nothing twice.
    const changedBefore = (await jobsNamed(database, ws.workspaceId, "invoices.changed")).length;
    const ids = [sent.body.xero_invoice_id, sent.body.xero_invoice_id];
    for (const body of [invoiceEvents(tenantId, ids), invoiceEvents(tenantId, ids), invoiceEvents(tenantId, ids)]) {
      expect((await postWebhook(server.origin, body)).status).toBe(200);
    }
    await drain(database, server, clock);
    expect((await jobsNamed(database, ws.workspaceId, "invoices.changed")).length).toBe(changedBefore);

    // A stale read arriving late (an older AUTHORISED copy) never moves the status or the amount paid down.
    const stale = await applyXeroInvoiceState(database.db as never, ws.ctx, {
      id: sent.body.xero_invoice_id,
      number: sent.body.number,
      reference: null,
      status: "AUTHORISED",
      dueDate: "2030-01-31",
      currency: "NZD",
      subtotalAmount: invoice.body.subtotal_amount,
      taxAmount: invoice.body.tax_amount,
      totalAmount: invoice.body.total_amount,
      amountPaidAmount: 0,
      amountDueAmount: invoice.body.total_amount,
      fullyPaidOn: null,
    });
    expect(stale).toBeNull();
    expect((await api("GET", `/api/v1/invoices/${sent.body.id}`)).body.status).toBe("PAID");
  });
});
