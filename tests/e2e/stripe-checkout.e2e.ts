import type { Browser, Page } from "playwright-core";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeHarness, startStripeHarness } from "../../src/sandboxes/stripe/test/harness.ts";
import { launch, screenshot } from "./support/browser.ts";

// The Stripe sandbox's hosted checkout in Debian's Chromium: what a payer sees after clicking a payment link.
let h: StripeHarness;
let browser: Browser;

beforeAll(async () => {
  h = await startStripeHarness();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

function invoiceLink(extra: Partial<Stripe.PaymentLinkCreateParams> = {}) {
  return h.stripe.paymentLinks.create({
    line_items: [
      { quantity: 1, price_data: { currency: "usd", unit_amount: 12_345, product_data: { name: "Invoice INV-42" } } },
    ],
    metadata: { app_invoice_id: "inv_42" },
    payment_intent_data: { metadata: { app_invoice_id: "inv_42" } },
    ...extra,
  });
}

async function fillCard(page: Page, number: string): Promise<void> {
  await page.getByLabel("Card", { exact: true }).check();
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiration (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
}

async function sessionOf(page: Page): Promise<Stripe.Checkout.Session> {
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  return h.stripe.checkout.sessions.retrieve(id);
}

describe("Stripe sandbox hosted checkout", () => {
  it("pays a link with 4242… and shows the hosted confirmation", async () => {
    const link = await invoiceLink();
    const page = await browser.newPage();
    await page.goto(link.url);
    await page.getByRole("heading", { name: "Sandbox Platform" }).waitFor();
    expect(await page.getByText("Invoice INV-42").isVisible()).toBe(true);
    expect(await page.locator("#total").textContent()).toBe("$123.45");
    await page.getByLabel("Email").fill("payer@example.com");
    await fillCard(page, "4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay" }).click();
    await page.getByRole("heading", { name: "Thanks for your payment" }).waitFor();
    await screenshot(page, "stripe-checkout-paid");
    const session = await sessionOf(page);
    expect(session).toMatchObject({
      status: "complete",
      payment_status: "paid",
      customer_details: { email: "payer@example.com" },
    });
    await page.close();
  });

  it("shows a decline on the page, keeps the form, then takes a good card and follows the redirect", async () => {
    const returnUrl = `${h.origin}/return-here`;
    const link = await invoiceLink({
      after_completion: { type: "redirect", redirect: { url: `${returnUrl}?cs={CHECKOUT_SESSION_ID}` } },
    });
    const page = await browser.newPage();
    await page.goto(link.url);
    const payUrl = page.url();
    await page.getByLabel("Email").fill("decline@example.com");
    await fillCard(page, "4000 0000 0000 0002");
    await page.getByRole("button", { name: "Pay" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toBe("Your card was declined.");
    await screenshot(page, "stripe-checkout-declined");
    expect(await page.getByLabel("Email").inputValue()).toBe("decline@example.com");
    const session = await sessionOf(page);
    expect(session.status).toBe("open");
    await fillCard(page, "4242424242424242");
    await page.getByRole("button", { name: "Pay" }).click();
    await page.waitForURL(/\/return-here\?cs=cs_test_/);
    expect(new URL(page.url()).searchParams.get("cs")).toBe(new URL(payUrl).pathname.split("/").pop());
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe("paid");
    await page.close();
  });

  it("pays by US bank account: processing at first, settled or failed once the clock moves", async () => {
    const good = await invoiceLink();
    const bad = await invoiceLink();
    const page = await browser.newPage();
    const ids: string[] = [];
    for (const [link, account] of [
      [good, "000123456789"],
      [bad, "000111111116"],
    ] as const) {
      await page.goto(link.url);
      await page.getByLabel("Email").fill("ap@example.com");
      await page.getByLabel("US bank account").check();
      expect(await page.getByLabel("Card number").isVisible()).toBe(false);
      await page.getByLabel("Account number").fill(account);
      await page.getByRole("button", { name: "Pay" }).click();
      await page.getByRole("heading", { name: "Payment processing" }).waitFor();
      const session = await sessionOf(page);
      expect(session).toMatchObject({ status: "complete", payment_status: "unpaid" });
      ids.push(session.id);
    }
    await screenshot(page, "stripe-checkout-bank-processing");
    h.sandbox.admin.advanceClock(h.sandbox.admin.ctx.timing.asyncSettlementMs);
    const [settled, failed] = await Promise.all(ids.map((id) => h.stripe.checkout.sessions.retrieve(id)));
    expect(settled?.payment_status).toBe("paid");
    expect(failed?.payment_status).toBe("unpaid");
    const failedPi = await h.stripe.paymentIntents.retrieve(failed?.payment_intent as string);
    expect(failedPi.status).toBe("requires_payment_method");
    await page.goto(`${h.sandbox.urls.checkout_url}/c/${ids[0]}`);
    await page.getByRole("heading", { name: "Thanks for your payment" }).waitFor();
    await page.close();
  });

  it("shows the inactive message of a used-up one-time link", async () => {
    const link = await invoiceLink({
      restrictions: { completed_sessions: { limit: 1 } },
      inactive_message: "INV-42 is already paid.",
    });
    expect((await h.console("/pay", { payment_link: link.id, card: "4242424242424242" })).status).toBe(200);
    const page = await browser.newPage();
    await page.goto(link.url);
    await page.getByText("INV-42 is already paid.").waitFor();
    expect(await page.getByRole("button", { name: "Pay" }).count()).toBe(0);
    await page.close();
  });
});
