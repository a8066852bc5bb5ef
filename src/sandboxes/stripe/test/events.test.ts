import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { missingFields } from "./shapes.ts";

let h: StripeHarness;
let acct: string;

beforeAll(async () => {
  h = await startStripeHarness();
  const approved = await fetch(
    `${h.sandbox.urls.connect_url}/oauth/authorize?${new URLSearchParams({
      client_id: h.sandbox.credentials.client_id,
      redirect_uri: "http://127.0.0.1:9/callback",
      scope: "read_write",
    })}`,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "decision=allow&account=new&business_name=Events+Co",
      redirect: "manual",
    },
  );
  const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
  acct = (await h.stripe.oauth.token({ grant_type: "authorization_code", code })).stripe_user_id ?? "";
});
afterAll(async () => {
  await h.close();
});

describe("GET /v1/events", () => {
  it("lists the account's events newest first, with Stripe's event shape", async () => {
    const product = await h.stripe.products.create({ name: "Evented" });
    const events = await h.stripe.events.list({ limit: 1 });
    const [latest] = events.data;
    expect(latest).toMatchObject({
      object: "event",
      type: "product.created",
      api_version: "2026-10-28.endive",
      livemode: false,
      data: { object: { id: product.id } },
      request: { idempotency_key: expect.toBeOneOf([null, expect.any(String)]) },
    });
    // The fixture's data.object is a plan; the envelope is what is compared.
    expect(missingFields("event", latest, ["data.object"])).toEqual([]);
    const fetched = await h.stripe.events.retrieve(latest?.id ?? "");
    expect(fetched).toEqual(latest);
  });

  it("filters by type with wildcards, by types[], and by created", async () => {
    const product = await h.stripe.products.create({ name: "Typed" });
    await h.stripe.products.update(product.id, { name: "Typed again" });
    await h.stripe.prices.create({ currency: "nzd", unit_amount: 100, product: product.id });
    const wildcard = await h.stripe.events.list({ type: "product.*", limit: 100 });
    expect(new Set(wildcard.data.map((e) => e.type))).toEqual(new Set(["product.created", "product.updated"]));
    const exact = await h.stripe.events.list({ type: "product.updated", limit: 100 });
    expect(exact.data.every((e) => e.type === "product.updated")).toBe(true);
    expect(exact.data.length).toBeGreaterThan(0);
    const several = await h.stripe.events.list({ types: ["price.created", "product.updated"], limit: 100 });
    expect(new Set(several.data.map((e) => e.type))).toEqual(new Set(["price.created", "product.updated"]));
    const both = await h.stripe.events
      .list({ type: "product.created", types: ["price.created"] } as Stripe.EventListParams)
      .catch((e) => e);
    expect(both).toMatchObject({ statusCode: 400 });

    const newest = (await h.stripe.events.list({ limit: 1 })).data[0]?.created ?? 0;
    h.sandbox.admin.advanceClock(120_000);
    const later = await h.stripe.products.create({ name: "Later" });
    const recent = await h.stripe.events.list({ created: { gt: newest }, limit: 100 });
    expect(recent.data.map((e) => (e.data.object as { id: string }).id)).toEqual([later.id]);
    const older = await h.stripe.events.list({ created: { lte: newest }, limit: 100 });
    expect(older.data.some((e) => (e.data.object as { id: string }).id === later.id)).toBe(false);
  });

  it("auto-paginates with starting_after", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push((await h.stripe.products.create({ name: `Page ${i}` })).id);
    const seen: string[] = [];
    for await (const event of h.stripe.events.list({ type: "product.created", limit: 5 })) {
      seen.push((event.data.object as { id: string }).id);
    }
    expect(seen.slice(0, 23)).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("keeps connected accounts' events on their account: Stripe-Account is needed to see them", async () => {
    const product = await h.stripe.products.create({ name: "Connected event" }, { stripeAccount: acct });
    const onAccount = await h.stripe.events.list({ type: "product.created", limit: 1 }, { stripeAccount: acct });
    const [event] = onAccount.data;
    expect(event).toMatchObject({ account: acct, data: { object: { id: product.id } } });
    await expect(h.stripe.events.retrieve(event?.id ?? "", {}, { stripeAccount: acct })).resolves.toMatchObject({
      id: event?.id,
    });
    const withoutHeader = await h.stripe.events.retrieve(event?.id ?? "").catch((e) => e);
    expect(withoutHeader).toMatchObject({ statusCode: 404, code: "resource_missing" });
    const platform = await h.stripe.events.list({ limit: 100 });
    expect(platform.data.some((e) => e.id === event?.id)).toBe(false);
    const authorized = await h.stripe.events.list({ type: "account.application.authorized" }, { stripeAccount: acct });
    expect(authorized.data[0]?.data.object).toMatchObject({ object: "application" });
  });

  it("filters by delivery_success: with no endpoint every event counts as delivered", async () => {
    const delivered = await h.stripe.events.list({ delivery_success: true, limit: 3 });
    expect(delivered.data.length).toBeGreaterThan(0);
    const failed = await h.stripe.events.list({ delivery_success: false });
    expect(failed.data).toEqual([]);
  });

  it("refuses unknown parameters", async () => {
    const error = await h.stripe.events.list({ kind: "x" } as Stripe.EventListParams).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 400, param: "kind" });
  });
});
