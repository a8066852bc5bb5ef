import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { businessEvents, mailMessages, opportunities, opportunityNotes } from "../../src/db/schema/index.ts";
import { client } from "../support/app.ts";
import { keyWithScopes } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { approvedDealInvoice, automationHarness, movableClock, startReceiver } from "./automation-fixtures.ts";

let database: Database;
let h: Awaited<ReturnType<typeof automationHarness>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const time = movableClock();

beforeAll(async () => {
  database = await createTestDatabase();
  h = await automationHarness(database, time.clock);
  receiver = await startReceiver();
}, 120_000);
afterAll(async () => {
  await receiver.close();
  await database.close();
});

const today = () => new Date().toISOString().slice(0, 10);

async function markPaid(invoice: { id: string; totalAmount?: number }) {
  const paid = await h.api.post(`/api/v1/invoices/${invoice.id}/payments`, {
    amount: invoice.totalAmount,
    paid_on: today(),
    method: "bank_transfer",
  });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
}

describe("a payment automation's actions", () => {
  it("emails a thank-you, calls a signed webhook, moves the opportunity to Won and notes it, in order", async () => {
    const created = await h.api.post("/api/v1/automations", {
      name: "Thank the client",
      enabled: true,
      trigger: { type: "payment_succeeded" },
      actions: [
        {
          type: "send_email",
          subject: "Thank you, {{company.name}}",
          body: "We received your payment for {{invoice.number}}. Amount due now: {{amount_due}}.",
        },
        { type: "call_webhook", url: receiver.url },
        { type: "set_status", status: "won" },
        { type: "set_stage", stage: "Won" },
        { type: "add_note", body: "Paid in full: {{invoice.number}}" },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const secret = created.body.actions[1].secret as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(created.body.actions.filter((a: { secret?: string }) => a.secret)).toHaveLength(1);
    receiver.setSecret(secret);
    // The secret is shown once: reads never carry it.
    const read = await h.api.get(`/api/v1/automations/${created.body.id}`);
    expect(JSON.stringify(read.body)).not.toContain("whsec_");
    expect(JSON.stringify(read.body)).not.toContain("secret");

    const { deal, invoice } = await approvedDealInvoice(h.ws.ctx);
    await markPaid(invoice);
    await h.drain();

    const runs = await h.api.get(`/api/v1/automations/${created.body.id}/runs`);
    expect(runs.status).toBe(200);
    expect(runs.body.data).toHaveLength(1);
    const run = runs.body.data[0];
    expect(run.status).toBe("succeeded");
    expect(
      run.actions.map((a: { type: string; status: string; attempts: number }) => [a.type, a.status, a.attempts]),
    ).toEqual([
      ["send_email", "succeeded", 1],
      ["call_webhook", "succeeded", 1],
      ["set_status", "succeeded", 1],
      ["set_stage", "succeeded", 1],
      ["add_note", "succeeded", 1],
    ]);
    expect(run.actions[1]).toMatchObject({ response_status: 200, response_excerpt: "ok" });

    const [mail] = await database.db.select().from(mailMessages).where(eq(mailMessages.relatedId, invoice.id));
    expect(mail).toMatchObject({ subject: `Thank you, ${deal.company.name}`, state: "sent", transport: "outbox" });
    expect(mail?.to).toEqual([{ email: "mia@example.test", name: "Mia Chen" }]);
    expect(mail?.text).toBe(`We received your payment for ${invoice.number}. Amount due now: $0.00.`);

    expect(receiver.received).toHaveLength(1);
    const delivery = receiver.received[0];
    expect(delivery?.error).toBeNull();
    expect(delivery?.headers["webhook-id"]).toMatch(/^msg_/);
    expect(delivery?.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const payload = JSON.parse(delivery?.body ?? "{}");
    expect(payload).toMatchObject({
      type: "payment_succeeded",
      data: {
        event_id: run.event_id,
        amount: invoice.totalAmount,
        currency: "USD",
        invoice: { id: invoice.id, number: invoice.number, status: "PAID", amount_due: 0 },
        opportunity: { id: deal.opportunity.id },
        company: { id: deal.company.id, name: deal.company.name },
      },
    });
    expect(new Date(payload.occurred_at).toISOString()).toBe(payload.occurred_at);

    const [opportunity] = await database.db
      .select()
      .from(opportunities)
      .where(eq(opportunities.id, deal.opportunity.id));
    expect(opportunity).toMatchObject({ status: "won", stage: "Won" });
    const notes = await database.db
      .select()
      .from(opportunityNotes)
      .where(eq(opportunityNotes.opportunityId, deal.opportunity.id));
    expect(notes.map((n) => n.body)).toEqual([`Paid in full: ${invoice.number}`]);
    // The automation's own stage changes are events one level deeper than the payment that caused them.
    const stageEvents = await database.db
      .select()
      .from(businessEvents)
      .where(eq(businessEvents.opportunityId, deal.opportunity.id));
    expect(stageEvents.filter((e) => e.type === "opportunity_stage_changed").map((e) => e.depth)).toEqual([1, 1]);
    await h.api.patch(`/api/v1/automations/${created.body.id}`, { enabled: false });
  });

  it("a dry run shows what each action would do and changes nothing", async () => {
    const created = await h.api.post("/api/v1/automations", {
      name: "Dry",
      enabled: false,
      trigger: { type: "invoice_paid" },
      actions: [
        { type: "send_email", subject: "Paid {{invoice.number}}", body: "Thanks {{contact.name}}" },
        { type: "set_stage", stage: "closed" },
      ],
    });
    const { deal, invoice } = await approvedDealInvoice(h.ws.ctx);
    await markPaid(invoice);
    const events = await h.api.get(`/api/v1/events?type=invoice_paid&invoice_id=${invoice.id}`);
    expect(events.body.data).toHaveLength(1);
    const dry = await h.api.post(`/api/v1/automations/${created.body.id}/test-run`, {
      event_id: events.body.data[0].id,
    });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ trigger_matches: true, conditions_match: true, would_run: true });
    expect(dry.body.actions[0].details).toMatchObject({
      to: "mia@example.test",
      subject: `Paid ${invoice.number}`,
      body: "Thanks Mia Chen",
    });
    expect(dry.body.actions[1].details).toMatchObject({ from: "lead", to: "closed" });
    await h.drain();
    const [opportunity] = await database.db
      .select()
      .from(opportunities)
      .where(eq(opportunities.id, deal.opportunity.id));
    expect(opportunity?.stage).toBe("lead");
    expect((await h.api.get(`/api/v1/automations/${created.body.id}/runs`)).body.data).toHaveLength(0);
  });

  it("an admin replays an event for one automation as a new run; without settings:write it is refused", async () => {
    const created = await h.api.post("/api/v1/automations", {
      name: "Replayable",
      trigger: { type: "invoice_paid" },
      actions: [{ type: "add_note", body: "paid {{invoice.number}}" }],
    });
    const { deal, invoice } = await approvedDealInvoice(h.ws.ctx);
    await markPaid(invoice);
    await h.drain();
    const first = (await h.api.get(`/api/v1/automations/${created.body.id}/runs`)).body.data;
    expect(first).toHaveLength(1);
    const editor = client(
      h.app,
      await keyWithScopes(database, h.ws, ["automations:read", "automations:write", "opportunities:write"]),
    );
    const refused = await editor.post(`/api/v1/automations/${created.body.id}/replay`, { event_id: first[0].event_id });
    expect(refused.status).toBe(403);
    const replayed = await h.api.post(`/api/v1/automations/${created.body.id}/replay`, { event_id: first[0].event_id });
    expect(replayed.status, JSON.stringify(replayed.body)).toBe(202);
    await h.drain();
    const runs = (await h.api.get(`/api/v1/automations/${created.body.id}/runs`)).body.data;
    expect(runs.map((r: { replay: number; status: string }) => [r.replay, r.status])).toEqual([
      [1, "succeeded"],
      [0, "succeeded"],
    ]);
    const notes = await database.db
      .select()
      .from(opportunityNotes)
      .where(eq(opportunityNotes.opportunityId, deal.opportunity.id));
    expect(notes).toHaveLength(2);
    await h.api.patch(`/api/v1/automations/${created.body.id}`, { enabled: false });
  });

  it("refuses a webhook that is neither https nor loopback, and an unknown trigger, naming the field", async () => {
    const plain = await h.api.post("/api/v1/automations", {
      name: "Bad hook",
      trigger: { type: "payment_succeeded" },
      actions: [{ type: "call_webhook", url: "http://example.com/hook" }],
    });
    expect(plain.status).toBe(400);
    expect(plain.body.error.issues[0].field).toBe("actions.0.url");
    const trigger = await h.api.post("/api/v1/automations", {
      name: "Bad trigger",
      trigger: { type: "payment_maybe" },
      actions: [{ type: "add_note", body: "x" }],
    });
    expect(trigger.status).toBe(400);
    expect(trigger.body.error.issues[0]).toMatchObject({ field: "trigger.type" });
    expect(trigger.body.error.issues[0].allowed).toContain("opportunity_stage_changed");
  });
});
