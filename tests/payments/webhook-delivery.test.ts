import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { jobs } from "../../src/db/schema/jobs.ts";
import { stripeEvents } from "../../src/db/schema/payments.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { connectStripe, startStripeServer } from "../support/stripe-server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import {
  approvedInvoice,
  DAY_MS,
  lineStatuses,
  pay,
  paymentLink,
  recordsOf,
  type StripeServer,
  storedEventIds,
  type Workspace,
  workspace,
} from "./payment-fixtures.ts";

let database: Database;
let server: StripeServer;
let ws: Workspace;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startStripeServer(database, clock);
  ws = await workspace(database, server, "Webhook deliveries");
  await connectStripe(ws.api);
});
afterAll(async () => {
  await server.close();
  await database.close();
});
beforeEach(() => {
  server.setWebhookGate("pass");
  server.captured.length = 0;
});

/** Pays a new invoice's link with the gate on `capture`: Settle has heard nothing; the deliveries are held. */
async function capturedPayment(method?: { card: string } | { bank_account: string }) {
  const invoice = await approvedInvoice(ws);
  const link = await paymentLink(ws, invoice.invoiceId);
  server.captured.length = 0;
  server.setWebhookGate("capture");
  const paid = await pay(server, link, method);
  await server.sandbox.admin.webhooks.idle();
  return { ...invoice, link, paid };
}

describe("Stripe-Signature", () => {
  it("a missing, foreign, tampered or stale signature is a 400 and stores nothing", async () => {
    const { captured } = { captured: await capturedPayment() };
    const delivery = server.captured.find((d) => d.type === "checkout.session.completed");
    expect(delivery).toBeDefined();
    if (!delivery) return;
    const before = await storedEventIds(database);
    const stale = Math.floor(Date.now() / 1000) - 301;
    const attempts = [
      await server.deliver(delivery.body, null),
      await server.deliver(delivery.body, ""),
      await server.deliver(delivery.body, "t=1,v1=deadbeef"),
      await server.deliver(delivery.body, server.sign(delivery.body, "whsec_someone_else")),
      await server.deliver(delivery.body.replace(captured.invoiceId, `${captured.invoiceId}x`), delivery.signature),
      await server.deliver(delivery.body, server.sign(delivery.body, server.webhookSecret, stale)),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(400);
      expect(attempt.body.error.code).toBe("invalid_input");
    }
    // The sandbox's own "send with a bad signature" is refused the same way.
    server.setWebhookGate("pass");
    const [bad] = await server.sandbox.admin.webhooks.badSignature(delivery.id);
    expect(bad?.status).toBe(400);
    expect(await storedEventIds(database)).toEqual(before);
    const invoice = await ws.api("GET", `/api/v1/invoices/${captured.invoiceId}`);
    expect(invoice.body.status).toBe("AUTHORISED");
    // The genuine delivery is still taken afterwards.
    expect((await server.deliver(delivery.body, delivery.signature)).status).toBe(200);
    await server.runJobs();
    expect((await ws.api("GET", `/api/v1/invoices/${captured.invoiceId}`)).body.status).toBe("PAID");
  });
});

describe("duplicated deliveries", () => {
  it("store each event once and change nothing twice", async () => {
    const { invoiceId, total } = await capturedPayment();
    server.setWebhookGate("pass");
    for (const delivery of server.captured) {
      const first = await server.deliver(delivery.body, delivery.signature);
      expect(first.body).toMatchObject({ received: true, duplicate: false });
      const [again] = await Promise.all([
        server.deliver(delivery.body, server.sign(delivery.body)),
        server.sandbox.admin.webhooks.duplicate(delivery.id),
      ]);
      expect(again).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
    }
    await server.drain();
    const ids = server.captured.map((d) => d.id);
    const rows = await database.db.select().from(stripeEvents);
    expect(rows.filter((r) => ids.includes(r.id))).toHaveLength(new Set(ids).size);
    const records = await recordsOf(database, ws.workspaceId, invoiceId);
    expect(records.succeeded).toHaveLength(1);
    expect(records.invoicePayments).toHaveLength(1);
    expect(records.invoicePayments[0]?.amount).toBe(total);
    expect(records.logs.filter((l) => l.kind === "payment")).toHaveLength(1);
  });
});

describe("a body over the limit", () => {
  it("is a 413 and stores nothing, whether its length is declared or it comes chunked", async () => {
    await server.sandbox.admin.webhooks.idle();
    const before = await storedEventIds(database);
    const huge = JSON.stringify({ id: "evt_huge", object: "event", pad: "x".repeat(1024 * 1024) });
    const declared = await fetch(`${server.origin}/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": server.sign(huge) },
      body: huge,
    });
    expect(declared.status).toBe(413);
    const chunked = await fetch(`${server.origin}/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": server.sign(huge) },
      body: new Blob([huge]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await storedEventIds(database)).toEqual(before);
  });
});

describe("a burst of deliveries", () => {
  /** A checkout on `account` that matches no invoice: enough to be stored and queued. */
  const event = (id: string, account: string) =>
    JSON.stringify({
      id,
      object: "event",
      account,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      type: "checkout.session.completed",
      data: { object: { id: `cs_${id}`, object: "checkout.session", status: "open", metadata: {} } },
    });

  it("written together, stores each event once, queues each connected one once and answers each delivery", async () => {
    const account = (await ws.api("GET", "/api/v1/integrations/stripe")).body.account_id as string;
    const ours = Array.from({ length: 30 }, (_, i) => event(`evt_burst_${Date.now()}_${i}`, account));
    const foreign = event(`evt_burst_foreign_${Date.now()}`, "acct_not_connected_here");
    // Every event twice, all at once: the copies land in the same or in neighbouring batches.
    const bodies = [...ours, foreign, ...ours, foreign];
    const answers = await Promise.all(bodies.map((body) => server.deliver(body)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const firsts = answers.filter((a) => a.body.duplicate === false);
    expect(firsts).toHaveLength(ours.length + 1);
    const ids = [...ours, foreign].map((body) => JSON.parse(body).id as string);
    const rows = await database.db.select().from(stripeEvents).where(inArray(stripeEvents.id, ids));
    expect(rows).toHaveLength(ids.length);
    expect(rows.find((r) => r.accountId === "acct_not_connected_here")?.workspaceId).toBeNull();
    expect(rows.filter((r) => r.workspaceId === ws.workspaceId)).toHaveLength(ours.length);
    const queued = await database.db
      .select()
      .from(jobs)
      .where(
        inArray(
          jobs.dedupeKey,
          ids.map((id) => `stripe:${id}`),
        ),
      );
    expect(queued).toHaveLength(ours.length);
  });
});

describe("events out of order", () => {
  it("a bank debit's processing reports arriving after its success never un-pay the invoice", async () => {
    const { invoiceId, opportunityId } = await capturedPayment({ bank_account: "000123456789" });
    const processing = [...server.captured];
    server.captured.length = 0;
    server.sandbox.admin.advanceClock(3 * DAY_MS + 60_000);
    await server.sandbox.admin.webhooks.idle();
    const settled = [...server.captured];
    expect(settled.some((d) => d.type === "payment_intent.succeeded")).toBe(true);
    server.setWebhookGate("pass");
    for (const d of [...settled].reverse()) expect((await server.deliver(d.body, d.signature)).status).toBe(200);
    await server.runJobs();
    const paid = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(paid.body.status).toBe("PAID");
    for (const d of [...processing].reverse()) expect((await server.deliver(d.body, d.signature)).status).toBe(200);
    await server.runJobs();
    const after = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(after.body).toMatchObject({ status: "PAID", amount_due_amount: 0 });
    expect(after.body.payment_link.last_payment_status).toBe("succeeded");
    const records = await recordsOf(database, ws.workspaceId, invoiceId);
    expect(records.logs.filter((l) => l.kind === "payment").map((l) => l.status)).toEqual(["succeeded"]);
    expect(records.succeeded).toHaveLength(1);
    expect(await lineStatuses(ws, opportunityId)).toEqual(["paid", "paid"]);
  });

  it("a refund whose events arrive before the payment's is linked to the invoice once the payment is known", async () => {
    const { invoiceId, paid } = await capturedPayment();
    const refund = await server.console("POST", "/refunds", { payment_intent: paid.payment_intent?.id });
    expect(refund.status).toBe(200);
    await server.sandbox.admin.webhooks.idle();
    const isRefund = (type: string) => type.startsWith("refund.") || type.startsWith("charge.refund");
    const refundEvents = server.captured.filter((d) => isRefund(d.type));
    const paymentEvents = server.captured.filter((d) => !isRefund(d.type));
    expect(refundEvents.length).toBeGreaterThan(0);
    server.setWebhookGate("pass");
    for (const d of refundEvents) expect((await server.deliver(d.body, d.signature)).status).toBe(200);
    await server.runJobs();
    for (const d of paymentEvents) expect((await server.deliver(d.body, d.signature)).status).toBe(200);
    await server.runJobs();
    const records = await recordsOf(database, ws.workspaceId, invoiceId);
    const refunds = records.logs.filter((l) => l.kind === "refund");
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ status: "succeeded", refundId: refund.body.id, invoiceId });
    expect(records.refunded).toHaveLength(1);
    expect(records.succeeded).toHaveLength(1);
    const invoice = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(invoice.body.status).toBe("PAID");
    const listed = await ws.api("GET", `/api/v1/payments?invoice_id=${invoiceId}&type=refund`);
    expect(listed.body.data).toHaveLength(1);
  });

  it("every event of a payment and its refund, shuffled and processed together, converges", async () => {
    const { invoiceId, paid } = await capturedPayment();
    await server.console("POST", "/refunds", { payment_intent: paid.payment_intent?.id });
    await server.sandbox.admin.webhooks.idle();
    server.setWebhookGate("pass");
    const shuffled = [...server.captured].sort(() => Math.random() - 0.5);
    await Promise.all(shuffled.map((d) => server.deliver(d.body, d.signature)));
    await server.runJobs();
    const records = await recordsOf(database, ws.workspaceId, invoiceId);
    expect(records.succeeded).toHaveLength(1);
    expect(records.refunded).toHaveLength(1);
    expect(records.logs.filter((l) => l.kind === "refund")).toHaveLength(1);
    expect(records.invoicePayments).toHaveLength(1);
    const ids = new Set(shuffled.map((d) => d.id));
    const rows = await database.db.select().from(stripeEvents).where(eq(stripeEvents.workspaceId, ws.workspaceId));
    const ours = rows.filter((r) => ids.has(r.id));
    expect(ours).toHaveLength(ids.size);
    expect(ours.every((r) => r.processedAt !== null)).toBe(true);
  });
});
