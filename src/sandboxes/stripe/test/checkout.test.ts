import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StripeEvent } from "../events/event-bus.ts";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { missingFields } from "./shapes.ts";

let h: StripeHarness;

beforeAll(async () => {
  h = await startStripeHarness();
});
afterAll(async () => {
  await h.close();
});

const ITEM = { currency: "usd", unit_amount: 2500, product_data: { name: "Consulting" } };

/** Opens a link's URL as a browser would; returns the new session's id from the redirect. */
async function open(url: string): Promise<string> {
  const response = await fetch(url, { redirect: "manual" });
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location") ?? "", url);
  expect(location.pathname).toMatch(/\/sandbox\/stripe\/checkout\/c\/cs_test_/);
  return location.pathname.split("/").pop() ?? "";
}

async function submit(sessionId: string, fields: Record<string, string>) {
  return fetch(`${h.sandbox.urls.checkout_url}/c/${sessionId}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

const GOOD_CARD = { method: "card", card_number: "4242 4242 4242 4242", card_expiry: "12 / 34", card_cvc: "123" };

describe("checkout sessions opened from a payment link", () => {
  it("opens a session carrying the link's metadata, client_reference_id and prefilled email", async () => {
    const link = await h.stripe.paymentLinks.create({
      line_items: [{ price_data: ITEM, quantity: 2 }],
      metadata: { app_invoice_id: "inv_7" },
    });
    const id = await open(`${link.url}?client_reference_id=inv_7-ws_1&prefilled_email=payer%40example.com`);
    const session = await h.stripe.checkout.sessions.retrieve(id);
    expect(session).toMatchObject({
      status: "open",
      payment_status: "unpaid",
      mode: "payment",
      amount_total: 5000,
      currency: "usd",
      payment_link: link.id,
      metadata: { app_invoice_id: "inv_7" },
      client_reference_id: "inv_7-ws_1",
      customer_email: "payer@example.com",
      payment_intent: null,
    });
    expect(session.url).toBe(`${h.sandbox.urls.checkout_url}/c/${id}`);
    // The fixture's example values for features this sandbox does not offer (shipping, tax, currency conversion).
    expect(
      missingFields("checkout.session", session, ["shipping_cost", "currency_conversion", "collected_information"]),
    ).toEqual([]);
    const invalid = await open(`${link.url}?client_reference_id=${encodeURIComponent("bad id!")}`);
    expect((await h.stripe.checkout.sessions.retrieve(invalid)).client_reference_id).toBeNull();
  });

  it("shows the merchant, items and total on the hosted page, escaping what the merchant typed", async () => {
    const link = await h.stripe.paymentLinks.create({
      line_items: [
        { price_data: { ...ITEM, product_data: { name: "<script>alert(1)</script> Design" } }, quantity: 1 },
      ],
    });
    const id = await open(link.url);
    const page = await (await fetch(`${h.sandbox.urls.checkout_url}/c/${id}`)).text();
    expect(page).toContain("Sandbox Platform");
    expect(page).toContain("$25.00");
    expect(page).toContain("&#60;script&#62;alert(1)&#60;/script&#62; Design");
    expect(page).not.toContain("<script>alert(1)");
    expect(page).toMatch(/<label for="email">Email<\/label>/);
    expect(page).toMatch(/<label for="card-number">Card number<\/label>/);
  });

  it("pays through the hosted form: a decline keeps the form with Stripe's message, then a good card redirects", async () => {
    const link = await h.stripe.paymentLinks.create({
      line_items: [{ price_data: ITEM, quantity: 1 }],
      after_completion: { type: "redirect", redirect: { url: "https://app.example/return?cs={CHECKOUT_SESSION_ID}" } },
    });
    const id = await open(link.url);
    const declined = await submit(id, { ...GOOD_CARD, email: "a@example.com", card_number: "4000000000000002" });
    expect(declined.status).toBe(402);
    const html = await declined.text();
    expect(html).toContain("Your card was declined.");
    expect(html).toContain('value="a@example.com"');
    const paid = await submit(id, { ...GOOD_CARD, email: "a@example.com" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`https://app.example/return?cs=${id}`);
    const session = await h.stripe.checkout.sessions.retrieve(id);
    expect(session).toMatchObject({
      status: "complete",
      payment_status: "paid",
      customer_details: { email: "a@example.com" },
    });
    const again = await submit(id, { ...GOOD_CARD, email: "a@example.com" });
    expect(await again.text()).toContain("Thanks for your payment");
  });

  it("shows the link's inactive message once it is deactivated", async () => {
    const link = await h.stripe.paymentLinks.create({ line_items: [{ price_data: ITEM, quantity: 1 }] });
    await h.stripe.paymentLinks.update(link.id, { active: false });
    const page = await (await fetch(link.url)).text();
    expect(page).toContain("This link is no longer active");
    await h.stripe.paymentLinks.update(link.id, { inactive_message: "Invoice <b>paid</b>" });
    expect(await (await fetch(link.url)).text()).toContain("Invoice &#60;b&#62;paid&#60;/b&#62;");
  });
});

describe("the checkout sessions API", () => {
  it("creates a payment-mode session with metadata and payment_intent_data, and lists by filters", async () => {
    const session = await h.stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price_data: ITEM, quantity: 1 }],
      success_url: "https://app.example/ok?cs={CHECKOUT_SESSION_ID}",
      metadata: { order: "o1" },
      payment_intent_data: { metadata: { order: "o1" } },
      customer_email: "buyer@example.com",
    });
    expect(session).toMatchObject({
      object: "checkout.session",
      status: "open",
      amount_total: 2500,
      payment_link: null,
    });
    const paid = await h.console("/pay", { checkout_session: session.id, card: "4242424242424242" });
    expect(paid.status).toBe(200);
    const done = await h.stripe.checkout.sessions.retrieve(session.id);
    const pi = await h.stripe.paymentIntents.retrieve(done.payment_intent as string);
    expect(pi.metadata).toEqual({ order: "o1" });
    expect(done.customer_details?.email).toBe("buyer@example.com");
    const byPi = await h.stripe.checkout.sessions.list({ payment_intent: pi.id });
    expect(byPi.data.map((s) => s.id)).toEqual([session.id]);
    const complete = await h.stripe.checkout.sessions.list({ status: "complete", limit: 100 });
    expect(complete.data.every((s) => s.status === "complete")).toBe(true);
    const items = await h.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0]).toMatchObject({ quantity: 1, amount_total: 2500 });
  });

  it("refuses a recurring price in payment mode and an unknown mode", async () => {
    const error = await h.stripe.checkout.sessions
      .create({
        mode: "payment",
        line_items: [{ price_data: { ...ITEM, recurring: { interval: "month" } }, quantity: 1 }],
      })
      .catch((e: Stripe.errors.StripeError) => e);
    expect(error).toMatchObject({ statusCode: 400, param: "line_items" });
  });

  it("expires a session on request and after the expiry time on the sandbox clock", async () => {
    const link = await h.stripe.paymentLinks.create({ line_items: [{ price_data: ITEM, quantity: 1 }] });
    const first = await open(link.url);
    const expired = await h.stripe.checkout.sessions.expire(first);
    expect(expired).toMatchObject({ status: "expired", url: null });
    const twice = await h.stripe.checkout.sessions.expire(first).catch((e: Stripe.errors.StripeError) => e);
    expect(twice).toMatchObject({ statusCode: 400 });
    const second = await open(link.url);
    h.sandbox.admin.advanceClock(h.sandbox.admin.ctx.timing.checkoutExpiryMs + 1000);
    expect((await h.stripe.checkout.sessions.retrieve(second)).status).toBe("expired");
    const account = h.sandbox.platformAccountId;
    const events = h.sandbox.admin.ctx.store.all<StripeEvent>(account, "event");
    const expiredIds = events.filter((e) => e.type === "checkout.session.expired").map((e) => e.data.object.id);
    expect(expiredIds).toEqual(expect.arrayContaining([first, second]));
    const byLink = await h.stripe.checkout.sessions.list({ payment_link: link.id, status: "expired" });
    expect(byLink.data.map((s) => s.id).sort()).toEqual([first, second].sort());
    const page = await (await fetch(`${h.sandbox.urls.checkout_url}/c/${second}`)).text();
    expect(page).toContain("expired");
  });
});
