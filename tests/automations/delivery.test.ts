import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { WEBHOOK_MAX_ATTEMPTS, webhookBackoffMs } from "../../src/modules/automations/index.ts";
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

async function markPaid(invoice: { id: string; totalAmount?: number }) {
  const paid = await h.api.post(`/api/v1/invoices/${invoice.id}/payments`, {
    amount: invoice.totalAmount,
    paid_on: new Date().toISOString().slice(0, 10),
    method: "bank_transfer",
  });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
}

async function disableAll() {
  const list = await h.api.get("/api/v1/automations?limit=100");
  for (const a of list.body.data) await h.api.patch(`/api/v1/automations/${a.id}`, { enabled: false });
}

describe("webhook delivery", () => {
  it("backs off exponentially with jitter: 8 attempts span about a day", () => {
    const gaps = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => webhookBackoffMs(i + 1, () => 0.5));
    expect(gaps[1]).toBe(4 * (gaps[0] ?? 0));
    const total = gaps.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(18 * 3_600_000);
    expect(total).toBeLessThan(30 * 3_600_000);
    expect(webhookBackoffMs(1, () => 0)).toBe(45_000);
    expect(webhookBackoffMs(1, () => 0.999_999)).toBeLessThanOrEqual(75_000);
  });

  it("retries a failing receiver 8 times, then the action is dead and the run failed; Retry delivers it", async () => {
    const created = await h.api.post("/api/v1/automations", {
      name: "Tell the ledger",
      trigger: { type: "invoice_paid" },
      actions: [
        { type: "call_webhook", url: receiver.url },
        { type: "add_note", body: "delivered" },
      ],
    });
    expect(created.status).toBe(201);
    receiver.setSecret(created.body.actions[0].secret);
    receiver.setStatus(500);
    const before = receiver.received.length;
    const { invoice } = await approvedDealInvoice(h.ws.ctx);
    await markPaid(invoice);
    await h.drain();
    const runsOf = async () => (await h.api.get(`/api/v1/automations/${created.body.id}/runs`)).body.data;
    let [run] = await runsOf();
    expect(run.status).toBe("running");
    expect(run.actions[0]).toMatchObject({ status: "pending", attempts: 1, response_status: 500 });
    expect(run.actions[0].response_excerpt).toBe("receiver is down");
    expect(Date.parse(run.actions[0].next_retry_at)).toBeGreaterThan(time.clock.now().getTime());
    // Not before its time: draining now does nothing.
    await h.drain();
    expect(receiver.received.length - before).toBe(1);
    for (let attempt = 2; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      time.advance(11 * 3_600_000);
      await h.drain();
    }
    expect(receiver.received.length - before).toBe(WEBHOOK_MAX_ATTEMPTS);
    // Every attempt carries the same webhook-id, so a receiver can tell them apart from new events.
    const ids = new Set(receiver.received.slice(before).map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    [run] = await runsOf();
    expect(run.status).toBe("failed");
    expect(run.actions.map((a: { status: string }) => a.status)).toEqual(["dead", "skipped"]);
    expect(run.actions[0]).toMatchObject({ attempts: 8, next_retry_at: null });
    time.advance(24 * 3_600_000);
    await h.drain();
    expect(receiver.received.length - before).toBe(WEBHOOK_MAX_ATTEMPTS);

    receiver.setStatus(204);
    const retried = await h.api.post(
      `/api/v1/automations/${created.body.id}/runs/${run.id}/actions/${run.actions[0].id}/retry`,
    );
    expect(retried.status, JSON.stringify(retried.body)).toBe(202);
    await h.drain();
    [run] = await runsOf();
    expect(run.status).toBe("succeeded");
    expect(run.actions.map((a: { status: string }) => a.status)).toEqual(["succeeded", "succeeded"]);
    expect(run.actions[0]).toMatchObject({ attempts: 1, response_status: 204 });
    await disableAll();
  });

  it("a failed action stops the later ones unless it continues on failure", async () => {
    const created = await h.api.post("/api/v1/automations", {
      name: "Email someone who is not there",
      trigger: { type: "invoice_sent" },
      actions: [
        { type: "send_email", to: "", subject: "Hi", body: "x", continue_on_failure: true },
        { type: "add_note", body: "sent {{invoice.number}}" },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { deal } = await approvedDealInvoice(h.ws.ctx);
    // The deal's contact has an email; without one (and no `to`) the email cannot be sent.
    await h.api.patch(`/api/v1/contacts/${deal.contact.id}`, { email: null });
    await h.drain();
    const [run] = (await h.api.get(`/api/v1/automations/${created.body.id}/runs`)).body.data;
    expect(run.status).toBe("failed");
    expect(run.actions.map((a: { status: string }) => a.status)).toEqual(["failed", "succeeded"]);
    expect(run.actions[0].error).toMatch(/recipient/);
    await disableAll();
  });
});

describe("conditions", () => {
  it("all of / any of on amount, currency, portion, provider and company", async () => {
    const { deal, invoice } = await approvedDealInvoice(h.ws.ctx);
    const make = async (name: string, conditions: unknown) => {
      const made = await h.api.post("/api/v1/automations", {
        name,
        trigger: { type: "payment_succeeded" },
        conditions,
        actions: [{ type: "add_note", body: name }],
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body.id as string;
    };
    const total = invoice.totalAmount;
    const matching = await make("big USD full native", {
      all: [
        { field: "amount", op: "gte", value: total },
        { field: "currency", op: "=", value: "usd" },
        { field: "portion", op: "eq", value: "full" },
        { field: "provider", op: "eq", value: "native" },
      ],
      any: [
        { field: "company", op: "eq", value: "Someone else" },
        { field: "company", op: "eq", value: deal.company.name },
      ],
    });
    const tooSmall = await make("bigger than it", { all: [{ field: "amount", op: ">", value: total }] });
    const otherCompany = await make("other company", { any: [{ field: "company", op: "eq", value: "co_nobody" }] });
    const byStage = await make("stage in", {
      all: [{ field: "opportunity_stage", op: "in", value: ["lead", "qualified"] }],
    });
    await markPaid(invoice);
    await h.drain();
    const count = async (id: string) => (await h.api.get(`/api/v1/automations/${id}/runs`)).body.data.length;
    expect([await count(matching), await count(tooSmall), await count(otherCompany), await count(byStage)]).toEqual([
      1, 0, 0, 1,
    ]);
    const bad = await h.api.post("/api/v1/automations", {
      name: "bad",
      trigger: { type: "payment_succeeded" },
      conditions: { all: [{ field: "colour", op: "eq", value: "red" }] },
      actions: [{ type: "add_note", body: "x" }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ field: "conditions.all.0.field" });
    await disableAll();
  });

  it("a line status change carries from/to", async () => {
    const id = (
      await h.api.post("/api/v1/automations", {
        name: "Lines invoiced",
        trigger: { type: "payment_status_changed" },
        conditions: {
          all: [
            { field: "from", op: "eq", value: "unpaid" },
            { field: "to", op: "eq", value: "invoiced" },
          ],
        },
        actions: [{ type: "add_note", body: "line invoiced" }],
      })
    ).body.id;
    await approvedDealInvoice(h.ws.ctx);
    await h.drain();
    const runs = (await h.api.get(`/api/v1/automations/${id}/runs`)).body.data;
    expect(runs).toHaveLength(2);
    await disableAll();
  });
});

describe("scopes and loops", () => {
  it("a payload leaves without any invoice field, amount or payment status when the owner lacks invoices:read", async () => {
    const key = await keyWithScopes(database, h.ws, [
      "automations:read",
      "automations:write",
      "opportunities:read",
      "opportunities:write",
      "companies:read",
    ]);
    const owner = client(h.app, key);
    const made = async (type: string) => {
      const created = await owner.post("/api/v1/automations", {
        name: `no revenue ${type}`,
        trigger: { type },
        actions: [{ type: "call_webhook", url: receiver.url }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.actions[0].secret as string;
    };
    const paidSecret = await made("payment_succeeded");
    await made("payment_status_changed");
    receiver.setStatus(200);
    receiver.setSecret(paidSecret);
    const before = receiver.received.length;
    const { deal, invoice } = await approvedDealInvoice(h.ws.ctx);
    await markPaid(invoice);
    await h.drain();
    const bodies = receiver.received.slice(before).map((r) => r.body);
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    const keysOf = (value: unknown): string[] =>
      value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];
    for (const body of bodies) {
      const { data } = JSON.parse(body);
      expect(keysOf(data).filter((k) => /amount|invoice|payment_status|currency|^from$|^to$|paid/.test(k))).toEqual([]);
      expect(JSON.stringify(data)).not.toMatch(/INV-|unpaid|deposit_invoiced|"invoiced"|"paid"/);
      expect(data.opportunity.id).toBe(deal.opportunity.id);
    }
    await disableAll();
  });

  it("automations feeding each other stop at depth 3 with a clear log entry", async () => {
    const ping = await h.api.post("/api/v1/automations", {
      name: "ping",
      trigger: { type: "opportunity_stage_changed" },
      conditions: { all: [{ field: "to", op: "neq", value: "ping" }] },
      actions: [{ type: "set_stage", stage: "ping" }],
    });
    const pong = await h.api.post("/api/v1/automations", {
      name: "pong",
      trigger: { type: "opportunity_stage_changed" },
      conditions: { all: [{ field: "to", op: "eq", value: "ping" }] },
      actions: [{ type: "set_stage", stage: "pong" }],
    });
    const { deal } = await approvedDealInvoice(h.ws.ctx);
    expect((await h.api.patch(`/api/v1/opportunities/${deal.opportunity.id}`, { stage: "qualified" })).status).toBe(
      200,
    );
    await h.drain();
    const runs = [
      ...(await h.api.get(`/api/v1/automations/${ping.body.id}/runs`)).body.data,
      ...(await h.api.get(`/api/v1/automations/${pong.body.id}/runs`)).body.data,
    ];
    expect(runs.map((r: { depth: number }) => r.depth).sort()).toEqual([0, 1, 2, 3]);
    const stopped = runs.find((r: { depth: number }) => r.depth === 3);
    expect(stopped).toMatchObject({ status: "failed", actions: [] });
    expect(stopped.note).toMatch(/limit is 3/);
    await disableAll();
  });
});
