import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { invoicePayments, invoices } from "../../src/db/schema/invoices.ts";
import { businessEvents } from "../../src/db/schema/payments.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { createCompany, createContact, createProduct } from "../../src/modules/crm/index.ts";
import { approveInvoice, createInvoice } from "../../src/modules/invoices/index.ts";
import { addLine, createOpportunity } from "../../src/modules/opportunities/index.ts";
import { type CapturedDelivery, connectStripe, startStripeServer } from "../support/stripe-server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { pay, paymentLink, type StripeServer, storedEventIds, type Workspace, workspace } from "./payment-fixtures.ts";

const INVOICES = Number(process.env.RELIABILITY_INVOICES ?? 200);
const DELIVERIES = 1_000;
const DUPLICATES = 300;
const BAD = 100;

let database: Database;
let server: StripeServer;
let ws: Workspace;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startStripeServer(database, clock);
  ws = await workspace(database, server, "Reliability");
  await connectStripe(ws.api);
}, 60_000);
afterAll(async () => {
  await server.close();
  await database.close();
});

/** One customer and product, then per invoice only what it needs: an opportunity, a line, approval and a link. */
async function invoiceMaker(ws: Workspace) {
  const company = await createCompany(ws.ctx, { name: "Harbour Dental" });
  const contact = await createContact(ws.ctx, { name: "Mia Chen", company_id: company.id, email: "mia@example.test" });
  const product = await createProduct(ws.ctx, { name: "Website build", unit_amount: 120_000, currency: "USD" });
  let n = 0;
  return async () => {
    n += 1;
    const opportunity = await createOpportunity(ws.ctx, {
      name: `Rebuild ${n}`,
      company_id: company.id,
      primary_contact_id: contact.id,
      currency: "USD",
    });
    await addLine(ws.ctx, { opportunity_id: opportunity.id, product_id: product.id, quantity: 1 + (n % 3) });
    const invoice = await createInvoice(ws.ctx, { opportunity_id: opportunity.id, portion: "full" });
    await approveInvoice(ws.ctx, { id: invoice.id });
    return { invoiceId: invoice.id, link: await paymentLink(ws, invoice.id) };
  };
}

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("webhook reliability", () => {
  it(`${DELIVERIES} deliveries (${DUPLICATES} duplicates, ${BAD} badly signed), shuffled, over ${INVOICES} invoices`, async () => {
    const makeInvoice = await invoiceMaker(ws);
    const created = await inParallel(Array.from({ length: INVOICES }), 8, () => makeInvoice());
    // Every event the sandbox sends while paying (and afterwards) is held: Settle hears only what is posted below.
    server.setWebhookGate("capture");
    await inParallel(created, 8, (invoice) => pay(server, invoice.link));
    await server.sandbox.admin.webhooks.idle();
    const distinct = new Map<string, CapturedDelivery>();
    for (const delivery of server.captured) distinct.set(delivery.id, delivery);
    const all = shuffle([...distinct.values()]);
    const good = DELIVERIES - DUPLICATES - BAD;
    // Each invoice's checkout.session.completed is among the good events; the rest are a random pick.
    const sessions = all.filter((d) => d.type === "checkout.session.completed");
    expect(sessions).toHaveLength(INVOICES);
    const others = all.filter((d) => d.type !== "checkout.session.completed");
    expect(others.length).toBeGreaterThanOrEqual(good - INVOICES + BAD / 2);
    const goodEvents = [...sessions, ...others.slice(0, good - INVOICES)];
    const neverGood = others.slice(good - INVOICES, good - INVOICES + BAD / 2);
    const wrongSecret = `${server.webhookSecret}_rotated`;
    type Planned = { delivery: CapturedDelivery; signature: string; bad: boolean };
    const plan: Planned[] = [
      ...goodEvents.map((delivery) => ({ delivery, signature: server.sign(delivery.body), bad: false })),
      ...shuffle(goodEvents)
        .slice(0, DUPLICATES)
        .map((delivery) => ({ delivery, signature: server.sign(delivery.body), bad: false })),
      ...shuffle(goodEvents)
        .slice(0, BAD / 2)
        .map((delivery) => ({ delivery, signature: server.sign(delivery.body, wrongSecret), bad: true })),
      ...neverGood.map((delivery, i) => ({
        delivery,
        // Half signed with another secret, half a genuine signature over a body altered afterwards.
        signature: i % 2 ? server.sign(delivery.body, wrongSecret) : `${delivery.signature}0`,
        bad: true,
      })),
    ];
    expect(plan).toHaveLength(DELIVERIES);
    const before = await storedEventIds(database);
    const answers = await inParallel(shuffle(plan), 16, async (planned) => ({
      planned,
      answer: await server.deliver(planned.delivery.body, planned.signature),
    }));
    const refused = answers.filter(({ answer }) => answer.status === 400);
    expect(refused).toHaveLength(BAD);
    expect(refused.every(({ planned }) => planned.bad)).toBe(true);
    expect(answers.filter(({ answer }) => answer.status === 200)).toHaveLength(DELIVERIES - BAD);
    expect(answers.filter(({ answer }) => answer.body.duplicate === true)).toHaveLength(DUPLICATES);
    await server.runJobs();

    const stored = [...(await storedEventIds(database))].filter((id) => !before.has(id));
    expect(new Set(stored)).toEqual(new Set(goodEvents.map((d) => d.id)));
    const paid = await database.db.select().from(invoices).where(eq(invoices.workspaceId, ws.workspaceId));
    expect(paid.filter((i) => i.status === "PAID")).toHaveLength(INVOICES);
    expect(paid.every((i) => i.amountPaidAmount === i.totalAmount)).toBe(true);
    const received = await database.db
      .select()
      .from(invoicePayments)
      .where(eq(invoicePayments.workspaceId, ws.workspaceId));
    expect(received).toHaveLength(INVOICES);
    const announced = await database.db
      .select()
      .from(businessEvents)
      .where(eq(businessEvents.workspaceId, ws.workspaceId));
    const succeeded = announced.filter((e) => e.type === "payment_succeeded");
    expect(succeeded).toHaveLength(INVOICES);
    expect(new Set(succeeded.map((e) => e.invoiceId))).toEqual(new Set(created.map((c) => c.invoiceId)));
    const log = await ws.api("GET", "/api/v1/payments?type=payment&status=succeeded&limit=200");
    expect(log.body.data).toHaveLength(INVOICES);
    expect(log.body.has_more).toBe(false);
  }, 240_000);
});
