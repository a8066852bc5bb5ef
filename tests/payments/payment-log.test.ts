import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { connectStripe, startStripeServer } from "../support/stripe-server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import {
  approvedInvoice,
  pay,
  paymentLink,
  recordsOf,
  type StripeServer,
  type Workspace,
  workspace,
} from "./payment-fixtures.ts";

let database: Database;
let server: StripeServer;
let first: Workspace;
let second: Workspace;
let firstAccount: string;
let secondAccount: string;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startStripeServer(database, clock);
  first = await workspace(database, server, "First workspace");
  second = await workspace(database, server, "Second workspace");
  firstAccount = (await connectStripe(first.api, "First Ltd")).account_id;
  secondAccount = (await connectStripe(second.api, "Second Ltd")).account_id;
});
afterAll(async () => {
  await server.close();
  await database.close();
});

/** A checkout.session.completed on `account`, as Stripe would send it, with the metadata and payer given. */
function sessionEvent(
  account: string,
  metadata: Record<string, string>,
  payer: { email: string; name: string },
  amount = 5_000,
) {
  const suffix = Math.random().toString(36).slice(2, 12);
  return JSON.stringify({
    id: `evt_forged${suffix}`,
    object: "event",
    api_version: "2026-10-28.endive",
    account,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "checkout.session.completed",
    data: {
      object: {
        id: `cs_test_${suffix}`,
        object: "checkout.session",
        status: "complete",
        payment_status: "paid",
        mode: "payment",
        amount_total: amount,
        currency: "usd",
        payment_intent: `pi_${suffix}`,
        payment_link: null,
        subscription: null,
        invoice: null,
        metadata,
        customer_details: { email: payer.email, name: payer.name },
      },
    },
  });
}

describe("workspaces and Stripe accounts", () => {
  it("an invoice id of another workspace in a payment's metadata is never touched", async () => {
    const victim = await approvedInvoice(first);
    const foreignMeta = {
      settle_workspace_id: first.workspaceId,
      settle_invoice_id: victim.invoiceId,
      settle_opportunity_id: victim.opportunityId,
    };
    // A link made straight on the second account, naming the first workspace's invoice, paid for real…
    const stripe = (await import("stripe")).default;
    const origin = new URL(server.origin);
    const sdk = new stripe(server.sandbox.credentials.secret_key, {
      host: origin.hostname,
      port: Number(origin.port),
      protocol: "http",
    });
    const link = await sdk.paymentLinks.create(
      {
        line_items: [
          { quantity: 1, price_data: { currency: "usd", unit_amount: 5_000, product_data: { name: "Forged" } } },
        ],
        metadata: foreignMeta,
        payment_intent_data: { metadata: foreignMeta },
      },
      { stripeAccount: secondAccount },
    );
    await pay(server, link.id);
    // …and signed events on the second account that claim the second workspace but name the first's invoice.
    const claimed = { ...foreignMeta, settle_workspace_id: second.workspaceId };
    const forged = sessionEvent(secondAccount, claimed, { email: "mallory@example.test", name: "Mallory" });
    expect((await server.deliver(forged)).status).toBe(200);
    await server.drain();
    const invoice = await first.api("GET", `/api/v1/invoices/${victim.invoiceId}`);
    expect(invoice.body).toMatchObject({ status: "AUTHORISED", amount_paid_amount: 0 });
    const records = await recordsOf(database, first.workspaceId, victim.invoiceId);
    expect(records).toMatchObject({ succeeded: [], logs: [], invoicePayments: [] });
    expect((await first.api("GET", "/api/v1/payments")).body.data).toHaveLength(0);
    // Money for none of its invoices is not Settle's to log in the second workspace either.
    const logged = await second.api("GET", "/api/v1/payments?type=payment");
    expect(logged.body.data).toHaveLength(0);
    // Another workspace's payment is a 404, never a 403.
    const mine = await approvedInvoice(second);
    await pay(server, await paymentLink(second, mine.invoiceId));
    await server.drain();
    const theirs = (await second.api("GET", `/api/v1/payments?invoice_id=${mine.invoiceId}`)).body.data[0].id as string;
    const hidden = await first.api("GET", `/api/v1/payments/${theirs}/event`);
    expect(hidden.status).toBe(404);
    const own = await second.api("GET", `/api/v1/payments/${theirs}/event`);
    expect(own.status).toBe(200);
    expect(own.body.event?.account).toBe(secondAccount);
  });
});

describe("the payment log", () => {
  it("filters by invoice, type, status and search, pages with a cursor, and exports safe CSV as a stream", async () => {
    const paid = await approvedInvoice(first);
    const paidIntent = (await pay(server, await paymentLink(first, paid.invoiceId))).payment_intent?.id ?? "";
    const refunded = await approvedInvoice(first);
    const refundedPay = await pay(server, await paymentLink(first, refunded.invoiceId), { card: "4242424242424242" });
    await server.drain();
    await server.console("POST", "/refunds", { payment_intent: refundedPay.payment_intent?.id, amount: 1_000 });
    // Payers whose names a spreadsheet would run or split: delivered as Stripe would send them.
    const risky = [
      { email: "=cmd@example.test", name: '=HYPERLINK("http://evil.test","x")' },
      { email: "quote@example.test", name: 'Doe, "Jr"' },
      { email: "plus@example.test", name: "+1 555 0100" },
    ];
    // …paying an invoice of this workspace (its metadata), as Stripe would send them.
    const riskyInvoice = await approvedInvoice(first);
    const riskyMeta = {
      settle_workspace_id: first.workspaceId,
      settle_invoice_id: riskyInvoice.invoiceId,
      settle_opportunity_id: riskyInvoice.opportunityId,
    };
    for (const payer of risky) {
      expect((await server.deliver(sessionEvent(firstAccount, riskyMeta, payer))).status).toBe(200);
    }
    await server.drain();

    const byInvoice = await first.api("GET", `/api/v1/payments?invoice_id=${refunded.invoiceId}`);
    expect(byInvoice.body.data.map((p: { type: string }) => p.type).sort()).toEqual(["payment", "refund"]);
    const refunds = await first.api("GET", "/api/v1/payments?type=refund");
    expect(refunds.body.data).toHaveLength(1);
    expect(refunds.body.data[0]).toMatchObject({ amount: 1_000, invoice_id: refunded.invoiceId });
    const succeeded = await first.api("GET", "/api/v1/payments?type=payment&status=succeeded");
    expect(succeeded.body.data).toHaveLength(5);
    expect((await first.api("GET", "/api/v1/payments?status=failed")).body.data).toHaveLength(0);
    const byIntent = await first.api("GET", `/api/v1/payments?q=${paidIntent}`);
    expect(byIntent.body.data).toHaveLength(1);
    expect(byIntent.body.data[0].invoice_id).toBe(paid.invoiceId);
    const byEmail = await first.api("GET", "/api/v1/payments?q=QUOTE@");
    expect(byEmail.body.data.map((p: { payer_name: string }) => p.payer_name)).toEqual(['Doe, "Jr"']);
    // A LIKE wildcard in the search is taken literally.
    expect((await first.api("GET", "/api/v1/payments?q=%25")).body.data).toHaveLength(0);
    expect((await first.api("GET", "/api/v1/payments?type=bogus")).status).toBe(400);

    const all = (await first.api("GET", "/api/v1/payments?limit=200")).body.data.map((p: { id: string }) => p.id);
    expect(all).toHaveLength(6);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: Array<{ id: string }>; next_cursor: string | null; has_more: boolean } } =
        await first.api("GET", `/api/v1/payments?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      walked.push(...page.body.data.map((p) => p.id));
      cursor = page.body.has_more ? page.body.next_cursor : null;
    } while (cursor);
    expect(walked).toEqual(all);

    const response = await fetch(`${server.origin}/api/v1/payments.csv`, {
      headers: { authorization: `Bearer ${first.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toContain("payments.csv");
    // Streamed: no length known up front.
    expect(response.headers.get("content-length")).toBeNull();
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    const csv = await response.text();
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "occurred_at,type,status,amount,currency,payer_email,payer_name,invoice_id,opportunity_id,payment_intent_id,charge_id,refund_id,subscription_id,stripe_invoice_id,checkout_session_id,event_id",
    );
    expect(lines).toHaveLength(7);
    expect(csv).toContain(`'=cmd@example.test,"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(csv).toContain(`quote@example.test,"Doe, ""Jr"""`);
    expect(csv).toContain(",'+1 555 0100,");
    expect(csv).toContain(",refund,succeeded,10.00,USD,");
    const filtered = await fetch(`${server.origin}/api/v1/payments.csv?type=refund`, {
      headers: { authorization: `Bearer ${first.apiKey}` },
    });
    expect((await filtered.text()).split("\r\n").filter(Boolean)).toHaveLength(2);
    // The other workspace's export holds none of this workspace's rows.
    const theirs = await fetch(`${server.origin}/api/v1/payments.csv`, {
      headers: { authorization: `Bearer ${second.apiKey}` },
    });
    expect(await theirs.text()).not.toContain(paidIntent);
  });
});
