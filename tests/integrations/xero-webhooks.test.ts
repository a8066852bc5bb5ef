import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { jobs } from "../../src/db/schema/jobs.ts";
import { xeroCallLog, xeroRaisedInvoices, xeroWebhookDeliveries } from "../../src/db/schema/xero-sync.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { XERO_WEBHOOK_JOB } from "../../src/modules/integrations/index.ts";
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
    // The sandbox's own delivery of the new contact arrives first, so it is not counted below.
    await server.sandbox.admin.webhooks.idle();
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
      .where(
        and(
          eq(xeroWebhookDeliveries.tenantId, tenantId),
          sql`${xeroWebhookDeliveries.body}->'events'->0->>'resourceId' = '0b5f3f3e-1111-4c1e-9a55-000000000001'`,
        ),
      );
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

  it("coalesces many deliveries for one organisation into one read of their invoices, 50 ids to a call", async () => {
    const { ws, tenantId, contactId } = await connectedWorkspace(database, server, "Webhook burst");
    expect(server.sandbox.admin.seedInvoices(tenantId, 120, contactId)).toBe(120);
    const ids = Object.values(server.sandbox.admin.organisation(tenantId)?.invoices ?? {}).map((i) => i.invoiceId);
    // 150 deliveries: one per invoice, and 30 more naming invoices already named (Xero repeats itself).
    await server.sandbox.admin.webhooks.idle();
    await drain(database, server, clock);
    const bodies = [...ids, ...ids.slice(0, 30)].map((id) => invoiceEvents(tenantId, [id]));
    for (let i = 0; i < bodies.length; i += 10) {
      const answers = await Promise.all(bodies.slice(i, i + 10).map((body) => postWebhook(server.origin, body)));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    }
    const ofTenant = eq(xeroWebhookDeliveries.tenantId, tenantId);
    // Every delivery is stored (unprocessed) before any processing; one job waits for all of them.
    const stored = await database.db
      .select()
      .from(xeroWebhookDeliveries)
      .where(and(ofTenant, isNull(xeroWebhookDeliveries.processedAt)));
    expect(stored).toHaveLength(bodies.length);
    const waiting = await database.db
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.name, XERO_WEBHOOK_JOB),
          eq(jobs.status, "queued"),
          sql`${jobs.payload}->>'tenantId' = ${tenantId}`,
        ),
      );
    expect(waiting).toHaveLength(1);

    const reads = async () =>
      (
        await database.db
          .select()
          .from(xeroCallLog)
          .where(and(eq(xeroCallLog.workspaceId, ws.workspaceId), eq(xeroCallLog.action, "Reading Xero invoices")))
      ).length;
    const before = await reads();
    await drain(database, server, clock);
    expect((await reads()) - before).toBeLessThanOrEqual(Math.ceil(bodies.length / 50));
    expect((await reads()) - before).toBe(Math.ceil(ids.length / 50));
    const raised = await database.db
      .select()
      .from(xeroRaisedInvoices)
      .where(eq(xeroRaisedInvoices.workspaceId, ws.workspaceId));
    expect(raised).toHaveLength(ids.length);
    const after = await database.db.select().from(xeroWebhookDeliveries).where(ofTenant);
    expect(after.every((d) => d.processedAt !== null)).toBe(true);

    // A delivery after the job ran queues the next one, and a replay of an old one changes nothing.
    const [late] = bodies;
    expect((await postWebhook(server.origin, late ?? "")).status).toBe(200);
    expect((await postWebhook(server.origin, invoiceEvents(tenantId, [ids[5] ?? ""]))).status).toBe(200);
    await drain(database, server, clock);
    expect((await reads()) - before).toBe(Math.ceil(ids.length / 50) + 1);
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
