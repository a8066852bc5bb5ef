import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { missingFields } from "./shapes.ts";
import { type Receiver, startReceiver } from "./webhooks-receiver.ts";

const REDIRECT = "http://127.0.0.1:9/settle/stripe/callback";

let h: StripeHarness;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  h = await startStripeHarness({ webhookUrl: receiver.url, timing: { webhookRetryDelaysMs: [20, 20] } });
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});
beforeEach(() => {
  h.sandbox.admin.ctx.store.state.platform.redirectUris = [];
});

/** The query the SDK builds for the authorize page, sent to the sandbox's Connect mount. */
function authorizeUrl(extra: Record<string, string> = {}): string {
  const built = new URL(
    h.stripe.oauth.authorizeUrl({
      client_id: h.sandbox.credentials.client_id,
      redirect_uri: REDIRECT,
      state: "csrf-123",
      scope: "read_write",
      ...extra,
    }),
  );
  return `${h.sandbox.urls.connect_url}/oauth/authorize${built.search}`;
}

async function decide(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
}

/** The whole dance: authorize page, approve with a new account, exchange the code. */
async function connectAccount(businessName = "Demo Services Ltd"): Promise<Stripe.OAuthToken> {
  const approved = await decide(authorizeUrl(), { decision: "allow", account: "new", business_name: businessName });
  const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
  return h.stripe.oauth.token({ grant_type: "authorization_code", code });
}

describe("Connect OAuth for Standard accounts", () => {
  it("shows the consent page, approves with a new account, and the SDK exchanges the code", async () => {
    const page = await fetch(authorizeUrl());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('value="Demo Services Ltd"');
    expect(html).toContain('name="decision" value="allow"');
    expect(html).toContain('name="decision" value="deny"');

    const approved = await decide(authorizeUrl(), {
      decision: "allow",
      account: "new",
      business_name: "Kiwi Plumbing",
    });
    expect(approved.status).toBe(303);
    const location = new URL(approved.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("state")).toBe("csrf-123");
    const code = location.searchParams.get("code") ?? "";
    expect(code).toMatch(/^ac_/);

    const token = await h.stripe.oauth.token({ grant_type: "authorization_code", code });
    expect(token).toMatchObject({
      livemode: false,
      scope: "read_write",
      token_type: "bearer",
      stripe_user_id: expect.stringMatching(/^acct_/),
      access_token: expect.stringMatching(/^sk_test_/),
      refresh_token: expect.stringMatching(/^rt_/),
      stripe_publishable_key: expect.stringMatching(/^pk_test_/),
    });
    const account = await h.stripe.accounts.retrieveCurrent({}, { stripeAccount: token.stripe_user_id });
    expect(account).toMatchObject({
      id: token.stripe_user_id,
      type: "standard",
      charges_enabled: true,
      business_profile: { name: "Kiwi Plumbing" },
    });
    expect(missingFields("account", account)).toEqual([]);

    // The code is single-use.
    const reused = await h.stripe.oauth.token({ grant_type: "authorization_code", code }).catch((e) => e);
    expect(reused).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    expect(reused).toMatchObject({ statusCode: 400, type: "StripeInvalidGrantError" });

    // The account appeared on the consent page as one that can be picked next time.
    expect(await (await fetch(authorizeUrl())).text()).toContain(token.stripe_user_id ?? "missing");
  });

  it("acts on the connected account with Stripe-Account, or with its access token", async () => {
    const token = await connectAccount("Acme Ltd");
    const acct = token.stripe_user_id ?? "";
    const product = await h.stripe.products.create({ name: "On the connected account" }, { stripeAccount: acct });
    const platformIds = (await h.stripe.products.list({ limit: 100 })).data.map((p) => p.id);
    expect(platformIds).not.toContain(product.id);
    await expect(h.stripe.products.retrieve(product.id, {}, { stripeAccount: acct })).resolves.toMatchObject({
      id: product.id,
    });
    const own = { apiKey: token.access_token ?? "" };
    await expect(h.stripe.products.retrieve(product.id, {}, own)).resolves.toMatchObject({ id: product.id });
    await expect(h.stripe.accounts.retrieveCurrent({}, own)).resolves.toMatchObject({ id: acct });

    const platformSelf = await h.stripe.accounts.retrieveCurrent();
    expect(platformSelf.id).toBe(h.sandbox.platformAccountId);
    const listed = await h.stripe.accounts.list({ limit: 100 });
    expect(listed.data.map((a) => a.id)).toContain(acct);
    await expect(h.stripe.accounts.retrieve(acct)).resolves.toMatchObject({ id: acct });
    const missing = await h.stripe.accounts.retrieve("acct_nobody").catch((e) => e);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("picks an existing account on the consent page", async () => {
    const first = await connectAccount("Existing Co");
    const again = await decide(authorizeUrl(), { decision: "allow", account: first.stripe_user_id ?? "" });
    const code = new URL(again.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const token = await h.stripe.oauth.token({ grant_type: "authorization_code", code });
    expect(token.stripe_user_id).toBe(first.stripe_user_id);
    const unknown = await decide(authorizeUrl(), { decision: "allow", account: "acct_nobody" });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("location")).toBeNull();
  });

  it("redirects a denial with access_denied and the state", async () => {
    const denied = await decide(authorizeUrl(), { decision: "deny" });
    expect(denied.status).toBe(303);
    const location = new URL(denied.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("error_description")).toBeTruthy();
    expect(location.searchParams.get("state")).toBe("csrf-123");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("shows an error page, never a redirect, for an unknown client or an unregistered redirect URI", async () => {
    h.sandbox.admin.ctx.store.state.platform.redirectUris = [REDIRECT];
    const other = authorizeUrl({ redirect_uri: "http://127.0.0.1:9/elsewhere" });
    for (const response of [
      await fetch(other, { redirect: "manual" }),
      await decide(other, { decision: "allow", account: "new" }),
      await fetch(authorizeUrl({ client_id: "ca_unknown" }), { redirect: "manual" }),
      await decide(authorizeUrl({ client_id: "ca_unknown" }), { decision: "deny" }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).toContain("Something went wrong");
    }
    // A registered URI still works, and is the default when none is given.
    expect((await fetch(authorizeUrl(), { redirect: "manual" })).status).toBe(200);
    const url = new URL(authorizeUrl());
    url.searchParams.delete("redirect_uri");
    const defaulted = await decide(url.toString(), { decision: "deny" });
    expect(defaulted.headers.get("location")).toMatch(new RegExp(`^${REDIRECT}\\?`));
  });

  it("expires codes after five minutes of sandbox time", async () => {
    const approved = await decide(authorizeUrl(), { decision: "allow", account: "new" });
    const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
    h.sandbox.admin.advanceClock(5 * 60_000 + 1_000);
    const expired = await h.stripe.oauth.token({ grant_type: "authorization_code", code }).catch((e) => e);
    expect(expired).toMatchObject({ statusCode: 400, type: "StripeInvalidGrantError" });
    expect((expired as Error).message).toContain("expired");
  });

  it("refreshes the access token with the refresh token", async () => {
    const token = await connectAccount();
    const refreshed = await h.stripe.oauth.token({
      grant_type: "refresh_token",
      refresh_token: token.refresh_token ?? "",
    });
    expect(refreshed.stripe_user_id).toBe(token.stripe_user_id);
    expect(refreshed.access_token).not.toBe(token.access_token);
    await expect(
      h.stripe.accounts.retrieveCurrent({}, { apiKey: refreshed.access_token ?? "" }),
    ).resolves.toMatchObject({
      id: token.stripe_user_id,
    });
    const bad = await h.stripe.oauth
      .token({ grant_type: "refresh_token", refresh_token: "rt_nothing" })
      .catch((e) => e);
    expect(bad).toMatchObject({ statusCode: 400, type: "StripeInvalidGrantError" });
  });

  it("requires the platform key on the token endpoint, as Bearer or client_secret, on both hosts", async () => {
    const approved = await decide(authorizeUrl(), { decision: "allow", account: "new" });
    const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const anonymous = await fetch(`${h.origin}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code }),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: "invalid_client" });
    const viaConnectHost = await fetch(`${h.sandbox.urls.connect_url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        client_secret: h.sandbox.credentials.secret_key,
      }),
    });
    expect(viaConnectHost.status).toBe(200);
    expect(await viaConnectHost.json()).toMatchObject({ token_type: "bearer", stripe_user_id: expect.any(String) });
    const unsupported = await h.stripe.oauth
      .token({ grant_type: "password" as "authorization_code", code: "x" })
      .catch((e) => e);
    expect(unsupported).toMatchObject({ statusCode: 400, type: "StripeUnsupportedGrantTypeError" });
  });
});

describe("deauthorization", () => {
  it("through the SDK: answers the account id, sends account.application.deauthorized, then refuses the account", async () => {
    const token = await connectAccount("Leaving Ltd");
    const acct = token.stripe_user_id ?? "";
    const result = await h.stripe.oauth.deauthorize({
      client_id: h.sandbox.credentials.client_id,
      stripe_user_id: acct,
    });
    expect(result).toMatchObject({ stripe_user_id: acct });

    const [hook] = await receiver.waitFor((w) => w.type === "account.application.deauthorized" && w.account === acct);
    const event = h.stripe.webhooks.constructEvent(
      hook?.body ?? "",
      String(hook?.headers["stripe-signature"]),
      h.sandbox.credentials.webhook_secret,
    );
    expect(event.account).toBe(acct);
    expect(event.data.object).toEqual({
      id: h.sandbox.credentials.client_id,
      object: "application",
      name: expect.any(String),
    });
    expect(missingFields("application", event.data.object)).toEqual([]);

    const refused = await h.stripe.products.list({}, { stripeAccount: acct }).catch((e) => e);
    expect(refused).toMatchObject({ statusCode: 403, code: "account_invalid" });
    const ownKey = await h.stripe.products.list({}, { apiKey: token.access_token ?? "" }).catch((e) => e);
    expect(ownKey).toMatchObject({ statusCode: 401 });
    expect((await h.stripe.accounts.list({ limit: 100 })).data.map((a) => a.id)).not.toContain(acct);
    const refresh = await h.stripe.oauth
      .token({ grant_type: "refresh_token", refresh_token: token.refresh_token ?? "" })
      .catch((e) => e);
    expect(refresh).toMatchObject({ type: "StripeInvalidGrantError" });

    const twice = await h.stripe.oauth
      .deauthorize({ client_id: h.sandbox.credentials.client_id, stripe_user_id: acct })
      .catch((e) => e);
    expect(twice).toMatchObject({ statusCode: 401, type: "StripeInvalidClientError" });
  });

  it("from Stripe's side through the console, and the account can connect again", async () => {
    const token = await connectAccount("Console Leaver");
    const acct = token.stripe_user_id ?? "";
    const listed = await h.console("/accounts");
    expect(listed.body.accounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: acct, status: "connected", business_name: "Console Leaver" }),
      ]),
    );
    const done = await h.console(`/accounts/${acct}/deauthorize`, {});
    expect(done).toMatchObject({ status: 200, body: { account: { id: acct, status: "deauthorized" } } });
    await receiver.waitFor((w) => w.type === "account.application.deauthorized" && w.account === acct);
    const refused = await h.stripe.accounts.retrieveCurrent({}, { stripeAccount: acct }).catch((e) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
    expect((await h.console(`/accounts/${acct}/deauthorize`, {})).status).toBe(409);
    expect((await h.console("/accounts/acct_nobody/deauthorize", {})).status).toBe(404);
    expect((await h.console(`/accounts/${acct}/deauthorize`, { force: true })).status).toBe(400);

    // Nothing more from that account reaches the platform...
    const before = receiver.received.length;
    h.sandbox.admin.ctx.events.emit(acct, "product.created", { id: "prod_quiet", object: "product" });
    await h.sandbox.admin.webhooks.idle();
    expect(receiver.received.length).toBe(before);
    // ...until it connects again.
    const again = await decide(authorizeUrl(), { decision: "allow", account: acct });
    const code = new URL(again.headers.get("location") ?? "").searchParams.get("code") ?? "";
    await h.stripe.oauth.token({ grant_type: "authorization_code", code });
    await expect(h.stripe.accounts.retrieveCurrent({}, { stripeAccount: acct })).resolves.toMatchObject({ id: acct });
    await receiver.waitFor((w) => w.type === "account.application.authorized" && w.account === acct, 2);
  });
});
