import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { CONSOLE_TOKEN_HEADER } from "../../src/sandboxes/shared/console-guard.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { connectStripe, startStripeServer } from "../support/stripe-server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { httpClient } from "../support/xero-server.ts";
import { call, callError, mcpClient } from "./support.ts";

let database: Database;
let server: Awaited<ReturnType<typeof startStripeServer>>;
const clients: Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startStripeServer(database, systemClock);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.drain();
  await server.close();
  await database.close();
});

async function agentFor(apiKey: string): Promise<Client> {
  const client = await mcpClient(server.origin, apiKey);
  clients.push(client);
  return client;
}

/** A workspace connected to its own new Stripe account, with an approved two-line USD invoice. */
async function connectedWorkspace(name: string) {
  const ws = await seedWorkspace(database, name);
  const api = httpClient(server.origin, ws.apiKey);
  await connectStripe(api, `${name} Ltd`);
  const deal = await seedDeal(ws.ctx, 2);
  const invoice = await api("POST", `/api/v1/opportunities/${deal.opportunity.id}/invoices`, { portion: "full" });
  expect(invoice.status).toBe(201);
  expect((await api("POST", `/api/v1/invoices/${invoice.body.id}/approve`)).status).toBe(200);
  return {
    ws,
    opportunityId: deal.opportunity.id,
    invoiceId: invoice.body.id as string,
    total: invoice.body.total_amount as number,
  };
}

/** The client pays the link on the sandbox's hosted checkout (its console test API). */
async function payLink(stripeLinkId: string) {
  const response = await fetch(`${server.sandbox.urls.console_url}/api/pay`, {
    method: "POST",
    headers: { [CONSOLE_TOKEN_HEADER]: server.sandbox.consoleToken, "content-type": "application/json" },
    body: JSON.stringify({ payment_link: stripeLinkId, card: "4242424242424242", email: "client@example.test" }),
  });
  expect(response.status).toBe(200);
}

describe("Stripe payments through MCP tools", () => {
  it("an agent makes a link, the client pays, the agent syncs and finds the payment and its one event", async () => {
    const { ws, invoiceId, opportunityId, total } = await connectedWorkspace("Agent payee");
    const agent = await agentFor(
      await keyWithScopes(database, ws, ["opportunities:read", "invoices:read", "invoices:write", "integrations:read"]),
    );
    expect(await call(agent, "get_stripe_status", {})).toMatchObject({
      configured: true,
      connected: true,
      status: "active",
      account_id: expect.stringMatching(/^acct_/),
    });
    const refused = await callError(agent, "create_payment_link", { invoice_id: invoiceId, mode: "subscription" });
    expect(refused).toMatch(/^invalid_input: /);
    expect(refused).toContain("interval");

    const linked = await call(agent, "create_payment_link", { invoice_id: invoiceId, mode: "one_time" });
    expect(linked).toMatchObject({ id: invoiceId, status: "AUTHORISED", amount_due_amount: total });
    expect(linked.payment_link).toMatchObject({ mode: "one_time", interval: null, active: true });
    // The generic invoice tools answer with the same DTO, link included.
    expect((await call(agent, "get_invoice", { invoice_id: invoiceId })).payment_link).toEqual(linked.payment_link);
    const listed = await call(agent, "list_invoices", { opportunity_id: opportunityId });
    expect(listed.data.find((i: { id: string }) => i.id === invoiceId)?.payment_link?.url).toBe(
      linked.payment_link.url,
    );

    await payLink(linked.payment_link.stripe_id);
    // Stripe's webhooks are stored but not processed yet: the sync alone brings the payment in.
    const synced = await call(agent, "sync_payment_status", { invoice_id: invoiceId });
    expect(synced).toMatchObject({ status: "PAID", amount_paid_amount: total, amount_due_amount: 0 });
    expect(synced.payment_link).toMatchObject({ active: false, last_payment_status: "succeeded" });
    const lines = await call(agent, "get_opportunity_products", { opportunity_id: opportunityId });
    expect(lines.data.map((l: { payment_status: string }) => l.payment_status)).toEqual(["paid", "paid"]);

    const payments = await call(agent, "list_payments", { invoice_id: invoiceId });
    expect(payments).toMatchObject({ has_more: false, next_cursor: null });
    expect(payments.data).toHaveLength(1);
    expect(payments.data[0]).toMatchObject({
      type: "payment",
      status: "succeeded",
      amount: total,
      currency: "USD",
      payer_email: "client@example.test",
      invoice_id: invoiceId,
      opportunity_id: opportunityId,
    });
    const byPayer = await call(agent, "list_payments", { q: "client@", type: "payment", status: "succeeded" });
    expect(byPayer.data.map((p: { id: string }) => p.id)).toEqual([payments.data[0].id]);
    const found = await call(agent, "get_payment_event", { payment_id: payments.data[0].id });
    expect(found.payment).toEqual(payments.data[0]);

    // The webhooks arrive after the sync and change nothing twice.
    await server.drain();
    const events = await call(agent, "list_business_events", { type: "payment_succeeded", invoice_id: invoiceId });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]).toMatchObject({ invoice_id: invoiceId, opportunity_id: opportunityId });
    expect(events.data[0].data).toMatchObject({ amount: total, currency: "USD", source: "stripe_sync" });
    expect((await call(agent, "list_payments", { invoice_id: invoiceId })).data).toHaveLength(1);
  });

  it("a key without invoices:read sees no payment log tools, and the log stays closed to it", async () => {
    const { ws, invoiceId } = await connectedWorkspace("Narrow key");
    const key = await keyWithScopes(database, ws, ["opportunities:read", "invoices:write"]);
    const agent = await agentFor(key);
    const names = (await agent.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["create_payment_link", "sync_payment_status"]));
    for (const hidden of ["list_payments", "get_payment_event", "list_business_events", "get_stripe_status"]) {
      expect(names).not.toContain(hidden);
    }
    expect(await callError(agent, "list_payments", { invoice_id: invoiceId })).toContain("list_payments");
    const rest = await httpClient(server.origin, key)("GET", `/api/v1/payments?invoice_id=${invoiceId}`);
    expect(rest.status).toBe(403);
    expect(rest.body.error).toMatchObject({ code: "insufficient_scope", required_scope: "invoices:read" });
    // It may still make a link (invoices:write), and the invoice it gets back carries no revenue figures.
    const linked = await call(agent, "create_payment_link", { invoice_id: invoiceId });
    expect(linked.payment_link).toMatchObject({ mode: "one_time", active: true });
    expect(linked).not.toHaveProperty("total_amount");
  });

  it("another workspace's invoice and payments are not found", async () => {
    const owner = await connectedWorkspace("Owner");
    const ownerAgent = await agentFor(owner.ws.apiKey);
    const linked = await call(ownerAgent, "create_payment_link", { invoice_id: owner.invoiceId });
    await payLink(linked.payment_link.stripe_id);
    await server.drain();
    const paid = await call(ownerAgent, "list_payments", { invoice_id: owner.invoiceId });
    expect(paid.data).toHaveLength(1);

    const other = await connectedWorkspace("Stranger");
    const stranger = await agentFor(other.ws.apiKey);
    for (const [tool, args] of [
      ["create_payment_link", { invoice_id: owner.invoiceId, mode: "one_time" }],
      ["sync_payment_status", { invoice_id: owner.invoiceId }],
      ["get_payment_event", { payment_id: paid.data[0].id }],
    ] as const) {
      expect(await callError(stranger, tool, args)).toMatch(/^not_found: /);
    }
    expect((await call(stranger, "list_payments", { invoice_id: owner.invoiceId })).data).toEqual([]);
    expect((await call(stranger, "list_business_events", { invoice_id: owner.invoiceId })).data).toEqual([]);
    expect((await call(stranger, "list_payments", {})).data).toEqual([]);
  });
});
