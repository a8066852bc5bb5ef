import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { automationRuns, businessEvents, opportunityNotes } from "../../src/db/schema/index.ts";
import type { Clock } from "../../src/lib/clock.ts";
import {
  approvedInvoice,
  DAY_MS,
  pay,
  paymentLink,
  type StripeServer,
  type Workspace,
  workspace,
} from "../payments/payment-fixtures.ts";
import { connectStripe, startStripeServer } from "../support/stripe-server.ts";
import { createTestDatabase } from "../support/test-db.ts";

/** SPEC §7: payment_succeeded fires once per invoice whichever path reports it, and never while processing. */
let database: Database;
let server: StripeServer;
let ws: Workspace;
let automationId: string;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startStripeServer(database, clock);
  ws = await workspace(database, server, "Exactly once");
  await connectStripe(ws.api);
  const created = await ws.api("POST", "/api/v1/automations", {
    name: "Note every payment",
    enabled: true,
    trigger: { type: "payment_succeeded" },
    actions: [{ type: "add_note", body: "Paid: {{invoice.number}} ({{amount_due}} due)" }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  automationId = created.body.id;
}, 120_000);
afterAll(async () => {
  await server.close();
  await database.close();
});

async function runsFor(invoiceId: string) {
  const events = await database.db
    .select()
    .from(businessEvents)
    .where(and(eq(businessEvents.invoiceId, invoiceId), eq(businessEvents.type, "payment_succeeded")));
  const runs = events.length
    ? await database.db
        .select()
        .from(automationRuns)
        .where(eq(automationRuns.eventId, events[0]?.id ?? ""))
    : [];
  return { events, runs };
}

describe("payment_succeeded", () => {
  it("fires once for a native mark-paid, then duplicated Stripe webhooks and repeated syncs of the same payment", async () => {
    const { invoiceId, opportunityId, total } = await approvedInvoice(ws);
    const link = await paymentLink(ws, invoiceId);
    server.setWebhookGate("capture");
    await pay(server, link);
    server.setWebhookGate("pass");
    // Staff see the money arrive and mark the invoice paid before Stripe's events are processed.
    const marked = await ws.api("POST", `/api/v1/invoices/${invoiceId}/payments`, {
      amount: total,
      paid_on: new Date().toISOString().slice(0, 10),
      method: "card",
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    for (const delivery of [...server.captured, ...server.captured]) {
      expect((await server.deliver(delivery.body)).status).toBe(200);
    }
    await server.runJobs();
    for (let i = 0; i < 2; i++) {
      expect((await ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-sync`)).status).toBe(200);
    }
    await server.runJobs();
    const { events, runs } = await runsFor(invoiceId);
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ source: "manual", invoice_id: invoiceId });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ automationId, status: "succeeded" });
    const notes = await database.db
      .select()
      .from(opportunityNotes)
      .where(eq(opportunityNotes.opportunityId, opportunityId));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toMatch(/^Paid: INV-\d+ \(\$0\.00 due\)$/);
    const log = await ws.api("GET", `/api/v1/automations/${automationId}/runs`);
    expect(log.body.data.filter((r: { event_id: string }) => r.event_id === events[0]?.id)).toHaveLength(1);
  });

  it("does not fire while a bank debit is processing, and fires once when it settles", async () => {
    const { invoiceId } = await approvedInvoice(ws);
    const link = await paymentLink(ws, invoiceId);
    const paid = await pay(server, link, { bank_account: "000123456789" });
    expect(paid.status).toBe("processing");
    await server.drain();
    await ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-sync`);
    await server.runJobs();
    expect((await runsFor(invoiceId)).events).toHaveLength(0);
    expect((await runsFor(invoiceId)).runs).toHaveLength(0);
    server.sandbox.admin.advanceClock(3 * DAY_MS + 60_000);
    await server.drain();
    await ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-sync`);
    await server.runJobs();
    const settled = await runsFor(invoiceId);
    expect(settled.events).toHaveLength(1);
    expect(settled.runs).toHaveLength(1);
  });
});
