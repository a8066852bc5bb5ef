import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryRecord } from "../events/webhook-dispatcher.ts";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { missingFields } from "./shapes.ts";
import { type Receiver, startReceiver } from "./webhooks-receiver.ts";

let h: StripeHarness;
let receiver: Receiver;
const made: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  h = await startStripeHarness({
    allowedWebhookHosts: ["hooks.settle.test"],
    timing: { webhookRetryDelaysMs: [30, 30], webhookTimeoutMs: 5_000 },
  });
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});
afterEach(async () => {
  for (const id of made.splice(0)) await h.stripe.webhookEndpoints.del(id).catch(() => undefined);
  receiver.answers = [];
  receiver.fallback = 200;
});

async function endpoint(params: Partial<Stripe.WebhookEndpointCreateParams> = {}, options: Stripe.RequestOptions = {}) {
  const created = await h.stripe.webhookEndpoints.create(
    { url: receiver.url, enabled_events: ["*"], ...params },
    options,
  );
  if (!options.stripeAccount) made.push(created.id);
  return created;
}

function verify(body: string, header: unknown, secret: string): Stripe.Event {
  return h.stripe.webhooks.constructEvent(body, String(header), secret);
}

describe("webhook endpoints", () => {
  it("creates, reads, updates, lists and deletes, with the secret only on create", async () => {
    const created = await endpoint({
      enabled_events: ["checkout.session.completed", "charge.refunded"],
      description: "Settle",
      metadata: { workspace: "w1" },
      api_version: "2026-10-28.endive",
    });
    expect(created).toMatchObject({
      object: "webhook_endpoint",
      status: "enabled",
      url: receiver.url,
      api_version: "2026-10-28.endive",
      enabled_events: ["checkout.session.completed", "charge.refunded"],
      livemode: false,
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect(missingFields("webhook_endpoint", created)).toEqual([]);
    const fetched = await h.stripe.webhookEndpoints.retrieve(created.id);
    expect(fetched.secret).toBeUndefined();
    expect(missingFields("webhook_endpoint", fetched)).toEqual([]);
    const updated = await h.stripe.webhookEndpoints.update(created.id, {
      disabled: true,
      enabled_events: ["*"],
      metadata: { workspace: "" },
    });
    expect(updated).toMatchObject({ status: "disabled", enabled_events: ["*"], metadata: {} });
    expect(updated.secret).toBeUndefined();
    const listed = await h.stripe.webhookEndpoints.list();
    expect(listed.data.map((e) => e.id)).toContain(created.id);
    const deleted = await h.stripe.webhookEndpoints.del(created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true });
    const gone = await h.stripe.webhookEndpoints.retrieve(created.id).catch((e) => e);
    expect(gone).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("refuses unknown event types, naming the index", async () => {
    const error = await endpoint({
      enabled_events: ["charge.succeeded", "charge.teleported" as "charge.succeeded"],
    }).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 400, param: "enabled_events[1]" });
  });

  it("only targets loopback and the configured hosts, so the sandbox cannot forward requests elsewhere", async () => {
    for (const url of [
      "https://example.com/hook",
      "http://10.0.0.5/hook",
      "ftp://127.0.0.1/hook",
      "not a url",
      "http://127.0.0.1.evil.test/hook",
    ]) {
      const error = await endpoint({ url }).catch((e) => e);
      expect(error, url).toMatchObject({ statusCode: 400, param: "url" });
    }
    for (const url of ["http://localhost:4000/hook", "http://[::1]:4000/hook", "https://hooks.settle.test/stripe"]) {
      await expect(endpoint({ url })).resolves.toMatchObject({ url });
    }
    const moved = await endpoint();
    const error = await h.stripe.webhookEndpoints.update(moved.id, { url: "https://example.com" }).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 400, param: "url" });
  });

  it("allows at most 16 endpoints per account", async () => {
    for (let i = 0; i < 16; i++) await endpoint({ url: `http://127.0.0.1:9/hook/${i}` });
    const error = await endpoint().catch((e) => e);
    expect(error).toMatchObject({ statusCode: 400 });
    expect((error as Error).message).toContain("maximum of 16");
  });
});

describe("delivery", () => {
  it("signs every delivery so stripe.webhooks.constructEvent accepts it", async () => {
    const we = await endpoint({ enabled_events: ["product.created"] });
    const product = await h.stripe.products.create({ name: "Signed" });
    const [hook] = await receiver.waitFor((w) => w.type === "product.created" && w.body.includes(product.id));
    expect(hook?.headers["user-agent"]).toBe("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    expect(hook?.headers["content-type"]).toMatch(/^application\/json/);
    expect(String(hook?.headers["stripe-signature"])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = verify(hook?.body ?? "", hook?.headers["stripe-signature"], we.secret ?? "");
    expect(event.data.object).toMatchObject({ id: product.id, name: "Signed" });
    expect(() => verify(hook?.body ?? "", hook?.headers["stripe-signature"], "whsec_other")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    await h.sandbox.admin.webhooks.idle();
    const stored = await h.stripe.events.retrieve(event.id);
    expect(stored.pending_webhooks).toBe(0);
    // Filtered by enabled_events: product.updated did not go to this endpoint.
    await h.stripe.products.update(product.id, { name: "Renamed" });
    await h.sandbox.admin.webhooks.idle();
    expect(receiver.received.some((w) => w.type === "product.updated" && w.body.includes(product.id))).toBe(false);
  });

  it("routes platform, Connect and connected-account endpoints as Stripe does", async () => {
    const platformOnly = await endpoint({ url: `${receiver.url}/platform` });
    const connectEp = await endpoint({ url: `${receiver.url}/connect`, connect: true });
    const acct = await connectAccount();
    const own = await endpoint({ url: `${receiver.url}/own` }, { stripeAccount: acct });
    const onPlatform = await h.stripe.products.create({ name: "Platform thing" });
    const onConnected = await h.stripe.products.create({ name: "Connected thing" }, { stripeAccount: acct });
    await h.sandbox.admin.webhooks.idle();
    const paths = (id: string) =>
      receiver.received
        .filter((w) => w.type === "product.created" && w.body.includes(id))
        .map((w) => w.path.replace(/^\/webhooks\/stripe/, ""))
        .sort();
    expect(paths(onPlatform.id)).toEqual(["/platform"]);
    expect(paths(onConnected.id)).toEqual(["/connect", "/own"]);
    const connectHook = receiver.received.find((w) => w.path.endsWith("/connect") && w.body.includes(onConnected.id));
    const event = verify(connectHook?.body ?? "", connectHook?.headers["stripe-signature"], connectEp.secret ?? "");
    expect(event.account).toBe(acct);
    const ownHook = receiver.received.find((w) => w.path.endsWith("/own") && w.body.includes(onConnected.id));
    expect(() => verify(ownHook?.body ?? "", ownHook?.headers["stripe-signature"], own.secret ?? "")).not.toThrow();
    expect(platformOnly.secret).not.toBe(connectEp.secret);
    await h.stripe.webhookEndpoints.del(own.id, {}, { stripeAccount: acct });
  });

  it("sends to the endpoint configured with the sandbox every account's events", async () => {
    const configured = await startReceiver();
    const sandbox = await startStripeHarness({ webhookUrl: configured.url });
    try {
      const product = await sandbox.stripe.products.create({ name: "Configured" });
      const [hook] = await configured.waitFor((w) => w.type === "product.created");
      const event = verify(
        hook?.body ?? "",
        hook?.headers["stripe-signature"],
        sandbox.sandbox.credentials.webhook_secret,
      );
      expect(event.data.object).toMatchObject({ id: product.id });
      const endpoints = await sandbox.console("/endpoints");
      expect(endpoints.body.configured).toEqual({ url: configured.url });
    } finally {
      await sandbox.close();
      await configured.close();
    }
  });

  it("retries after a 500 with backoff, and a 2xx ends it and clears pending_webhooks", async () => {
    await endpoint({ enabled_events: ["price.created"] });
    receiver.answers = [500, 503];
    const price = await h.stripe.prices.create({ currency: "nzd", unit_amount: 500, product_data: { name: "Retry" } });
    const hooks = await receiver.waitFor((w) => w.type === "price.created" && w.body.includes(price.id), 3);
    expect(new Set(hooks.map((w) => w.id)).size).toBe(1);
    await h.sandbox.admin.webhooks.idle();
    const eventId = hooks[0]?.id ?? "";
    const deliveries = h.sandbox.admin.webhooks.deliveries({ eventId });
    expect(deliveries.map((d) => [d.attempt, d.status, d.kind])).toEqual([
      [3, 200, "retry"],
      [2, 503, "retry"],
      [1, 500, "automatic"],
    ]);
    expect((await h.stripe.events.retrieve(eventId)).pending_webhooks).toBe(0);
  });

  it("gives up after the last retry, leaving the event pending for delivery_success=false", async () => {
    await endpoint({ enabled_events: ["product.created"] });
    receiver.fallback = 500;
    const product = await h.stripe.products.create({ name: "Never delivered" });
    await receiver.waitFor((w) => w.body.includes(product.id), 3);
    await h.sandbox.admin.webhooks.idle();
    const eventId = receiver.received.find((w) => w.body.includes(product.id))?.id ?? "";
    const deliveries = h.sandbox.admin.webhooks.deliveries({ eventId });
    expect(deliveries.map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [3, 500, false],
      [2, 500, false],
      [1, 500, false],
    ]);
    expect((await h.stripe.events.retrieve(eventId)).pending_webhooks).toBe(1);
    const failed = await h.stripe.events.list({ delivery_success: false, limit: 100 });
    expect(failed.data.map((e) => e.id)).toContain(eventId);
    const delivered = await h.stripe.events.list({ delivery_success: true, limit: 100 });
    expect(delivered.data.map((e) => e.id)).not.toContain(eventId);
  });

  it("gives a receiver that does not answer webhookTimeoutMs, then retries", async () => {
    const slow = await startReceiver();
    const sandbox = await startStripeHarness({
      webhookUrl: slow.url,
      timing: { webhookRetryDelaysMs: [20], webhookTimeoutMs: 200 },
    });
    try {
      slow.answers = ["hang"];
      await sandbox.stripe.products.create({ name: "Slow receiver" });
      const hooks = await slow.waitFor((w) => w.type === "product.created", 2);
      await sandbox.sandbox.admin.webhooks.idle();
      const deliveries = sandbox.sandbox.admin.webhooks.deliveries({ eventId: hooks[0]?.id ?? "" });
      expect(deliveries[1]).toMatchObject({ attempt: 1, status: null, error: "timed out after 200 ms", ok: false });
      expect(deliveries[0]).toMatchObject({ attempt: 2, status: 200, ok: true });
    } finally {
      await sandbox.close();
      await slow.close();
    }
  });
});

describe("console delivery tools", () => {
  it("resends and duplicates an event, the duplicates carrying the same id", async () => {
    const we = await endpoint({ enabled_events: ["product.created"] });
    const product = await h.stripe.products.create({ name: "Twice" });
    const [first] = await receiver.waitFor((w) => w.body.includes(product.id));
    const eventId = first?.id ?? "";
    const duplicated = await h.console(`/events/${eventId}/duplicate`, {});
    expect(duplicated.status).toBe(200);
    expect(duplicated.body.deliveries).toHaveLength(2);
    const resent = await h.console(`/events/${eventId}/resend`, {});
    expect((resent.body.deliveries as DeliveryRecord[])[0]).toMatchObject({ kind: "resend", status: 200, ok: true });
    const all = await receiver.waitFor((w) => w.id === eventId, 4);
    for (const hook of all)
      expect(() => verify(hook.body, hook.headers["stripe-signature"], we.secret ?? "")).not.toThrow();
    const log = await h.console(`/deliveries?event_id=${eventId}`);
    expect((log.body.deliveries as DeliveryRecord[]).map((d) => d.kind).sort()).toEqual([
      "automatic",
      "duplicate",
      "duplicate",
      "resend",
    ]);
  });

  it("sends with a bad signature, which constructEvent refuses", async () => {
    const we = await endpoint({ enabled_events: ["product.created"] });
    const product = await h.stripe.products.create({ name: "Forged" });
    const [first] = await receiver.waitFor((w) => w.body.includes(product.id));
    const bad = await h.console(`/events/${first?.id}/bad-signature`, {});
    expect((bad.body.deliveries as DeliveryRecord[])[0]).toMatchObject({ signature_valid: false });
    const hooks = await receiver.waitFor((w) => w.id === first?.id, 2);
    expect(() => verify(hooks[1]?.body ?? "", hooks[1]?.headers["stripe-signature"], we.secret ?? "")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it("delivers recent events out of order", async () => {
    await endpoint({ enabled_events: ["product.created"] });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await h.stripe.products.create({ name: `Ordered ${i}` })).id);
    await receiver.waitFor((w) => ids.some((id) => w.body.includes(id)), 3);
    await h.sandbox.admin.webhooks.idle();
    const events = (await h.stripe.events.list({ type: "product.created", limit: 3 })).data;
    const chronological = events.map((e) => e.id).reverse();
    const before = receiver.received.length;
    const reordered = await h.console("/events/reorder", { event_ids: chronological });
    expect(reordered.status).toBe(200);
    expect(reordered.body.order).toEqual([...chronological].reverse());
    expect(receiver.received.slice(before).map((w) => w.id)).toEqual([...chronological].reverse());
    const shuffled = await h.console("/events/reorder", { count: 3, order: "shuffled" });
    expect(shuffled.status).toBe(200);
    expect(shuffled.body.order).not.toEqual(chronological);
    expect([...(shuffled.body.order as string[])].sort()).toEqual([...chronological].sort());
  });

  it("validates bodies and ids with clear errors", async () => {
    expect(await h.console("/events/reorder", { count: 0 })).toMatchObject({
      status: 400,
      body: { errors: ["count must be at least 1"] },
    });
    expect((await h.console("/events/reorder", { order: "sideways" })).status).toBe(400);
    expect((await h.console("/events/reorder", { event_ids: ["x"] })).status).toBe(400);
    expect((await h.console("/events/reorder", { event_ids: ["evt_1"], count: 2 })).status).toBe(400);
    expect(await h.console("/events/evt_missing/resend", {})).toMatchObject({
      status: 404,
      body: { errors: ["No such event: 'evt_missing'"] },
    });
    expect((await h.console("/events/evt_missing/resend", { now: true })).status).toBe(400);
    expect((await h.console("/deliveries?limit=0")).status).toBe(400);
    const listed = await h.console("/endpoints");
    expect(listed.status).toBe(200);
    expect(Array.isArray(listed.body.endpoints)).toBe(true);
  });
});

async function connectAccount(): Promise<string> {
  const url = new URL(`${h.sandbox.urls.connect_url}/oauth/authorize`);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: h.sandbox.credentials.client_id,
    scope: "read_write",
    redirect_uri: "http://127.0.0.1:9/callback",
    state: "s",
  }).toString();
  const approved = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "decision=allow&account=new",
    redirect: "manual",
  });
  const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const token = await h.stripe.oauth.token({ grant_type: "authorization_code", code });
  return token.stripe_user_id ?? "";
}
