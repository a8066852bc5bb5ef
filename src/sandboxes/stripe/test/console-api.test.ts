import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_TOKEN_HEADER } from "../../shared/console-guard.ts";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { subscribe } from "./subscriptions-setup.ts";

let h: StripeHarness;

beforeAll(async () => {
  h = await startStripeHarness();
});
afterAll(async () => {
  await h.close();
});

const post = (path: string, body: string, token = h.sandbox.consoleToken) =>
  fetch(`${h.sandbox.urls.console_url}/api${path}`, {
    method: "POST",
    headers: { [CONSOLE_TOKEN_HEADER]: token, "content-type": "application/json" },
    body,
  });

describe("console API", () => {
  it("needs the console token, on the API, the page and its script", async () => {
    const api = await fetch(`${h.sandbox.urls.console_url}/api/state`);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ errors: [expect.stringContaining("token")] });
    expect((await post("/clock/advance", '{"days":1}', "x".repeat(40))).status).toBe(401);
    expect((await fetch(h.sandbox.urls.console_url)).status).toBe(401);
    expect((await fetch(`${h.sandbox.urls.console_url}/app.js`)).status).toBe(401);
    const page = await fetch(h.sandbox.urls.console_url, {
      headers: { [CONSOLE_TOKEN_HEADER]: h.sandbox.consoleToken },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Stripe sandbox");
  });

  it("reports state and lists objects newest first, bounded", async () => {
    await h.stripe.products.create({ name: "One" });
    await h.stripe.prices.create({ currency: "usd", unit_amount: 500, product_data: { name: "Two" } });
    const state = await h.console("/state");
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({
      platform_account: h.sandbox.platformAccountId,
      connected_accounts: [],
      rate_limit: { per_second: 10_000 },
      faults: [],
      first_invoice_event_order: "invoice_first",
    });
    expect((state.body.counts as Record<string, number>).product).toBe(2);
    const products = await h.console("/objects?type=product&limit=1");
    expect(products.body.objects).toEqual([
      { account: h.sandbox.platformAccountId, object: expect.objectContaining({ name: "Two" }) },
    ]);
    expect((await h.console("/objects?type=secret")).status).toBe(400);
    expect((await h.console("/objects?type=event&limit=5000")).status).toBe(400);
    const requests = await h.console("/requests?limit=2");
    expect(requests.body.requests).toEqual([
      expect.objectContaining({ method: "POST", path: "/api/v1/prices", status: 200 }),
      expect.objectContaining({ method: "POST", path: "/api/v1/products", status: 200 }),
    ]);
  });

  it("moves the clock within bounds and refuses bad bodies with clear 400s", async () => {
    const moved = await h.console("/clock/advance", { days: 2 });
    expect(moved.status).toBe(200);
    expect(moved.body.offset_ms).toBe(2 * 86_400_000);
    expect((await h.console("/clock/advance", { seconds: 60 })).body.offset_ms).toBe(2 * 86_400_000 + 60_000);
    const both = await h.console("/clock/advance", { days: 1, seconds: 1 });
    expect(both).toMatchObject({ status: 400, body: { errors: ["body needs exactly one of seconds or days"] } });
    const far = await h.console("/clock/advance", { days: 5000 });
    expect(far).toMatchObject({ status: 400, body: { errors: ["days must be at most 400"] } });
    const unknown = await h.console("/clock/advance", { hours: 3 });
    expect(unknown.body.errors).toContain("hours is not a field the console accepts");
    const notJson = await post("/clock/advance", "{days:");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ errors: ["body must be a JSON object"] });
    const huge = await post("/faults", JSON.stringify({ kind: "500", path_contains: "x".repeat(20_000) }));
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { errors: string[] }).errors[0]).toMatch(/^body must be at most/);
  });

  it("injects faults the SDK meets, clears them and resets rate limits", async () => {
    const bad = await h.console("/faults", { kind: "503" });
    expect(bad).toMatchObject({ status: 400, body: { errors: [expect.stringMatching(/^kind must be one of/)] } });
    const injected = await h.console("/faults", {
      kind: "500",
      count: 2,
      path_contains: "/v1/products",
      method: "GET",
    });
    expect(injected.status).toBe(200);
    expect((await h.console("/state")).body.faults).toEqual([
      { kind: "500", remaining: 2, path_contains: "/v1/products", method: "GET", delay_ms: null },
    ]);
    const failed = await h.stripe.products.list().catch((e: Stripe.errors.StripeError) => e);
    expect(failed).toMatchObject({ type: "StripeAPIError", statusCode: 500 });
    expect((await h.console("/faults/clear", {})).status).toBe(200);
    await expect(h.stripe.products.list()).resolves.toMatchObject({ object: "list" });
    expect((await h.console("/rate-limits/reset", {})).body).toEqual({ reset: true });
    expect((await h.console("/rate-limits/reset", { now: true })).status).toBe(400);
  });

  it("advances a subscription to its period end, billing it, and sets the first-invoice event order", async () => {
    const started = await subscribe(h);
    const listed = await h.console("/subscriptions");
    expect(listed.body.subscriptions).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: started.subscriptionId, status: "active", invoices: 1 })]),
    );
    const advanced = await h.console(`/subscriptions/${started.subscriptionId}/advance`, {});
    expect(advanced.status).toBe(200);
    expect(advanced.body.latest_invoice).toMatchObject({ billing_reason: "subscription_cycle", status: "paid" });
    expect((await h.stripe.invoices.list({ subscription: started.subscriptionId })).data).toHaveLength(2);
    expect((await h.console("/subscriptions/sub_nothing/advance", {})).status).toBe(404);
    await h.stripe.subscriptions.cancel(started.subscriptionId);
    expect((await h.console(`/subscriptions/${started.subscriptionId}/advance`, {})).status).toBe(409);
    expect((await h.console("/subscriptions/event-order", { order: "sideways" })).status).toBe(400);
    expect((await h.console("/subscriptions/event-order", { order: "session_first" })).body).toEqual({
      order: "session_first",
    });
    expect((await h.console("/state")).body.first_invoice_event_order).toBe("session_first");
  });
});
