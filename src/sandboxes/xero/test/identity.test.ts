import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AU_TENANT, type Harness, NZ_TENANT, REDIRECT_URI, startHarness, xeroError } from "./harness.ts";

const MINUTE = 60_000;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
afterEach(() => {
  expect(h.conformance.violations).toEqual([]);
});

const codeGrant = (code: string, extra: Record<string, string> = {}) => ({
  grant_type: "authorization_code",
  code,
  redirect_uri: REDIRECT_URI,
  ...extra,
});

describe("authorize", () => {
  it("renders a consent page listing the demo organisations", async () => {
    const params = new URLSearchParams({
      response_type: "code",
      client_id: h.sandbox.credentials.client_id,
      redirect_uri: REDIRECT_URI,
      scope: "offline_access",
      state: "s",
    });
    const page = await fetch(`${h.urls.login_url}/identity/connect/authorize?${params}`);
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).toContain("Demo Company (NZ)");
    expect(html).toContain("Demo Company (AU)");
  });

  it("rejects an unknown client", async () => {
    const params = new URLSearchParams({
      response_type: "code",
      client_id: "NOPE",
      redirect_uri: REDIRECT_URI,
      scope: "offline_access",
    });
    const page = await fetch(`${h.urls.login_url}/identity/connect/authorize?${params}`);
    expect(page.status).toBe(400);
  });

  it("redirects with code and state on approval, error on denial", async () => {
    const allowed = await h.authorize();
    expect(allowed.redirect.searchParams.get("state")).toBe("csrf-123");
    expect(allowed.code).toBeTruthy();
    const denied = await h.authorize({ deny: true });
    expect(denied.redirect.searchParams.get("error")).toBe("access_denied");
    expect(denied.code).toBeUndefined();
  });
});

describe("token endpoint", () => {
  it("exchanges a code with the client secret, once", async () => {
    const { code } = await h.authorize();
    const first = await h.token(codeGrant(code ?? ""));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: "Bearer", expires_in: 1800 });
    expect(first.body.refresh_token).toEqual(expect.any(String));
    const replay = await h.token(codeGrant(code ?? ""));
    expect(replay).toEqual({ status: 400, body: { error: "invalid_grant" } });
  });

  it("exchanges a PKCE code without a secret and checks the verifier", async () => {
    const good = await h.authorize({ pkce: true });
    const ok = await h.token(
      codeGrant(good.code ?? "", { client_id: h.sandbox.credentials.client_id, code_verifier: good.verifier ?? "" }),
      "",
    );
    expect(ok.status).toBe(200);
    const bad = await h.authorize({ pkce: true });
    const wrong = await h.token(
      codeGrant(bad.code ?? "", { client_id: h.sandbox.credentials.client_id, code_verifier: "wrong" }),
      "",
    );
    expect(wrong.body).toEqual({ error: "invalid_grant" });
  });

  it("requires a secret for a non-PKCE code and rejects a wrong one", async () => {
    const { code } = await h.authorize();
    const noSecret = await h.token(codeGrant(code ?? "", { client_id: h.sandbox.credentials.client_id }), "");
    expect(noSecret.body).toEqual({ error: "invalid_grant" });
    const wrongSecret = await h.token(
      codeGrant(code ?? ""),
      `Basic ${Buffer.from(`${h.sandbox.credentials.client_id}:nope`).toString("base64")}`,
    );
    expect(wrongSecret).toEqual({ status: 400, body: { error: "invalid_client" } });
  });

  it("rotates refresh tokens, honours the 30-minute grace and then refuses the old one", async () => {
    const { code } = await h.authorize();
    const initial = await h.token(codeGrant(code ?? ""));
    const oldRefresh = String(initial.body.refresh_token);
    const rotated = await h.token({ grant_type: "refresh_token", refresh_token: oldRefresh });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(oldRefresh);
    const retry = await h.token({ grant_type: "refresh_token", refresh_token: oldRefresh });
    expect(retry.status).toBe(200);
    h.sandbox.admin.advanceClock(31 * MINUTE);
    const late = await h.token({ grant_type: "refresh_token", refresh_token: oldRefresh });
    expect(late.body).toEqual({ error: "invalid_grant" });
    const fresh = await h.token({ grant_type: "refresh_token", refresh_token: String(rotated.body.refresh_token) });
    expect(fresh.status).toBe(200);
  });

  it("expires refresh tokens unused for 60 days", async () => {
    const { code } = await h.authorize();
    const initial = await h.token(codeGrant(code ?? ""));
    h.sandbox.admin.advanceClock(61 * 24 * 60 * MINUTE);
    const late = await h.token({ grant_type: "refresh_token", refresh_token: String(initial.body.refresh_token) });
    expect(late.body).toEqual({ error: "invalid_grant" });
  });

  it("issues client_credentials tokens without a refresh token, bound to one organisation", async () => {
    const result = await h.token({ grant_type: "client_credentials" });
    expect(result.status).toBe(200);
    expect(result.body.refresh_token).toBeUndefined();
    const api = h.accounting(String(result.body.access_token));
    const org = await api.getOrganisations(NZ_TENANT);
    expect(org.body.organisations?.[0]?.name).toBe("Demo Company (NZ)");
    const other = await xeroError(api.getOrganisations(AU_TENANT));
    expect(other.statusCode).toBe(403);
  });

  it("answers unsupported grants and unknown clients with OAuth errors", async () => {
    expect((await h.token({ grant_type: "password" })).body).toEqual({ error: "unsupported_grant_type" });
    const unknown = await h.token(
      { grant_type: "client_credentials" },
      `Basic ${Buffer.from("X:Y").toString("base64")}`,
    );
    expect(unknown.body).toEqual({ error: "invalid_client" });
  });
});

describe("access tokens and connections", () => {
  it("lists connections, filters by authEventId and disconnects", async () => {
    const { code } = await h.authorize({ tenantId: AU_TENANT });
    const tokens = await h.token(codeGrant(code ?? ""));
    const access = String(tokens.body.access_token);
    const claims = JSON.parse(Buffer.from(access.split(".")[1] ?? "", "base64url").toString()) as {
      authentication_event_id: string;
    };
    const auth = { authorization: `Bearer ${access}` };
    const all = (await (await fetch(`${h.urls.api_url}/connections`, { headers: auth })).json()) as Array<{
      id: string;
      tenantId: string;
    }>;
    expect(all.map((c) => c.tenantId)).toContain(AU_TENANT);
    const filtered = await fetch(`${h.urls.api_url}/connections?authEventId=${claims.authentication_event_id}`, {
      headers: auth,
    });
    const onlyThis = (await filtered.json()) as Array<{ id: string; tenantId: string }>;
    expect(onlyThis).toHaveLength(1);
    expect(onlyThis[0]?.tenantId).toBe(AU_TENANT);
    const api = h.accounting(access);
    expect((await api.getOrganisations(AU_TENANT)).body.organisations?.[0]?.name).toBe("Demo Company (AU)");
    const removed = await fetch(`${h.urls.api_url}/connections/${onlyThis[0]?.id}`, {
      method: "DELETE",
      headers: auth,
    });
    expect(removed.status).toBe(204);
    expect((await xeroError(api.getOrganisations(AU_TENANT))).statusCode).toBe(403);
    const again = await fetch(`${h.urls.api_url}/connections/${onlyThis[0]?.id}`, { method: "DELETE", headers: auth });
    expect(again.status).toBe(404);
  });

  it("expires access tokens after 30 minutes with Xero's TokenExpired problem", async () => {
    const access = await h.clientCredentialsToken();
    h.sandbox.admin.advanceClock(31 * MINUTE);
    const error = await xeroError(h.accounting(access).getOrganisations(NZ_TENANT));
    expect(error.statusCode).toBe(401);
    expect(error.body).toMatchObject({
      Title: "Unauthorized",
      Status: 401,
      Detail: expect.stringMatching(/^TokenExpired: token expired at /),
    });
  });

  it("revocation kills the refresh token, its access tokens and the user's connections", async () => {
    const { code } = await h.authorize();
    const tokens = await h.token(codeGrant(code ?? ""));
    const revoke = await fetch(`${h.urls.identity_url}/connect/revocation`, {
      method: "POST",
      headers: { authorization: h.basicAuth, "content-type": "application/x-www-form-urlencoded" },
      body: `token=${tokens.body.refresh_token}`,
    });
    expect(revoke.status).toBe(200);
    expect(
      (await h.token({ grant_type: "refresh_token", refresh_token: String(tokens.body.refresh_token) })).body,
    ).toEqual({ error: "invalid_grant" });
    const error = await xeroError(h.accounting(String(tokens.body.access_token)).getOrganisations(NZ_TENANT));
    expect(error.statusCode).toBe(401);
  });

  it("rejects missing or forged bearer tokens with 401", async () => {
    const missing = await fetch(`${h.urls.api_url}/connections`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ Title: "Unauthorized", Detail: "AuthenticationUnsuccessful" });
    const forged = await xeroError(h.accounting("a.b.c").getOrganisations(NZ_TENANT));
    expect(forged.statusCode).toBe(401);
  });

  it("enforces scopes: a read-only token cannot write", async () => {
    const access = await h.clientCredentialsToken("accounting.contacts.read accounting.settings.read");
    const api = h.accounting(access);
    expect((await api.getContacts(NZ_TENANT)).body.contacts?.length).toBeGreaterThan(0);
    const write = await xeroError(api.createContacts(NZ_TENANT, { contacts: [{ name: "Scope Test" }] }));
    expect(write.statusCode).toBe(403);
    expect((await xeroError(api.getInvoices(NZ_TENANT))).statusCode).toBe(403);
  });
});
