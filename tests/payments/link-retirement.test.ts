import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { CONSOLE_TOKEN_HEADER } from "../../src/sandboxes/shared/console-guard.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { connectStripe, startStripeServer } from "../support/stripe-server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { httpClient } from "../support/xero-server.ts";

let database: Database;
let server: Awaited<ReturnType<typeof startStripeServer>>;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startStripeServer(database, clock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

async function linkedInvoice(name: string, approve: boolean) {
  const ws = await seedWorkspace(database, name);
  const api = httpClient(server.origin, ws.apiKey);
  const deal = await seedDeal(ws.ctx, 2);
  const invoice = await api("POST", `/api/v1/opportunities/${deal.opportunity.id}/invoices`, { portion: "full" });
  if (approve) expect((await api("POST", `/api/v1/invoices/${invoice.body.id}/approve`)).status).toBe(200);
  await connectStripe(api, name);
  const linked = await api("POST", `/api/v1/invoices/${invoice.body.id}/payment-link`, {});
  expect(linked.status).toBe(201);
  return {
    api,
    invoiceId: invoice.body.id as string,
    opportunityId: deal.opportunity.id,
    link: linked.body.payment_link,
  };
}

function pay(stripeLinkId: string) {
  return fetch(`${server.sandbox.urls.console_url}/api/pay`, {
    method: "POST",
    headers: { [CONSOLE_TOKEN_HEADER]: server.sandbox.consoleToken, "content-type": "application/json" },
    body: JSON.stringify({ payment_link: stripeLinkId, card: "4242424242424242" }),
  });
}

describe("a payment link follows its invoice", () => {
  it("is switched off in Settle and in Stripe when the invoice is voided, so nobody can pay it", async () => {
    const { api, invoiceId, link } = await linkedInvoice("Voided", true);
    expect((await api("POST", `/api/v1/invoices/${invoiceId}/void`)).status).toBe(200);
    await server.drain();
    await server.drain();
    const invoice = await api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(invoice.body.payment_link).toMatchObject({ active: false });
    expect((await pay(link.stripe_id)).status).toBe(400);
  });

  it("can be made for a draft, and paying it approves and pays the invoice with its lines", async () => {
    const { api, invoiceId, opportunityId, link } = await linkedInvoice("Draft paid", false);
    expect((await pay(link.stripe_id)).status).toBe(200);
    await server.drain();
    const invoice = await api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(invoice.body).toMatchObject({ status: "PAID", amount_due_amount: 0 });
    expect(invoice.body.sent_at).toBeTruthy();
    const lines = await api("GET", `/api/v1/opportunities/${opportunityId}/products`);
    expect(lines.body.data.map((l: { payment_status: string }) => l.payment_status)).toEqual(["paid", "paid"]);
  });

  it("answers 404 for an invoice that is not the workspace's", async () => {
    const { api } = await linkedInvoice("Other", true);
    const refused = await api("POST", "/api/v1/invoices/inv_missing/payment-link", {});
    expect(refused.status).toBe(404);
  });
});
