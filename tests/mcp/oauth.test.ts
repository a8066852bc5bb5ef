import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { ADMIN_PASSWORD, seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import {
  type Browser,
  connectWithOAuth,
  consent,
  listenWithPublicUrl,
  signIn,
  TestOAuthProvider,
} from "./oauth-support.ts";
import { mcpClient } from "./support.ts";

let database: Database;
let server: Awaited<ReturnType<typeof listenWithPublicUrl>>;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let admin: Browser;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await listenWithPublicUrl(database);
  ws = await seedWorkspace(database, "Harbour");
  admin = await signIn(server.url, ws.adminEmail, ADMIN_PASSWORD);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const post = (path: string, form: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });

const toolNames = async (token: string) => {
  const client = await mcpClient(server.url, token);
  const names = (await client.listTools()).tools.map((t) => t.name);
  await client.close();
  return names;
};

/** The flow by hand, for the checks the SDK would never make: a registered client and one code. */
async function manualCode(browser: Browser, scope?: string) {
  const redirect_uri = "http://127.0.0.1:9999/cb";
  const reg = await fetch(`${server.url}/oauth2/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "Manual", redirect_uris: [redirect_uri] }),
  });
  const { client_id } = (await reg.json()) as { client_id: string };
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const url = new URL("/oauth2/authorize", server.url);
  const params = { response_type: "code", client_id, redirect_uri, code_challenge: challenge };
  for (const [k, v] of Object.entries({ ...params, code_challenge_method: "S256", state: "xyz" })) {
    url.searchParams.set(k, v);
  }
  if (scope) url.searchParams.set("scope", scope);
  const { redirect, screen } = await consent(browser, url);
  return { client_id, redirect_uri, verifier, code: redirect.searchParams.get("code") ?? "", redirect, screen };
}

describe("OAuth discovery", () => {
  it("answers RFC 9728 and RFC 8414 metadata as JSON, and a JSON 404 for anything else under /.well-known", async () => {
    for (const path of ["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(await res.json()).toMatchObject({ resource: `${server.url}/mcp`, authorization_servers: [server.url] });
    }
    const as = await fetch(`${server.url}/.well-known/oauth-authorization-server`);
    expect(await as.json()).toMatchObject({
      issuer: server.url,
      authorization_endpoint: `${server.url}/oauth2/authorize`,
      token_endpoint: `${server.url}/oauth2/token`,
      registration_endpoint: `${server.url}/oauth2/register`,
      revocation_endpoint: `${server.url}/oauth2/revoke`,
      code_challenge_methods_supported: ["S256"],
    });
    const other = await fetch(`${server.url}/.well-known/openid-configuration`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("challenges an unauthenticated MCP request with the resource metadata URL", async () => {
    const res = await fetch(`${server.url}/mcp`, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain(
      `resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp"`,
    );
  });
});

describe("OAuth with the SDK's own client", () => {
  it("registers, authorizes with PKCE through the consent screen, connects, refreshes and detects refresh reuse", async () => {
    const provider = new TestOAuthProvider(admin);
    const client = await connectWithOAuth(server.url, provider);
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain("record_payment");
    expect(provider.saved?.access_token).toMatch(/^stl_oat_/);
    await client.close();

    const first = provider.saved?.refresh_token ?? "";
    const client_id = provider.info?.client_id ?? "";
    const rotated = await post("/oauth2/token", { grant_type: "refresh_token", refresh_token: first, client_id });
    expect(rotated.status).toBe(200);
    const pair = (await rotated.json()) as { access_token: string; refresh_token: string };
    expect(pair.refresh_token).not.toBe(first);
    expect(await toolNames(pair.access_token)).toContain("record_payment");

    // The first refresh token again: someone else holds it, so the whole grant ends, new tokens included.
    const reused = await post("/oauth2/token", { grant_type: "refresh_token", refresh_token: first, client_id });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant" });
    const after = await fetch(`${server.url}/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${pair.access_token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(after.status).toBe(401);
    const again = await post("/oauth2/token", { grant_type: "refresh_token", refresh_token: pair.refresh_token });
    expect(again.status).toBe(400);
  });
});

describe("authorization codes", () => {
  it("are single-use and bound to the verifier, redirect URI and client; state comes back", async () => {
    const flow = await manualCode(admin);
    expect(flow.redirect.searchParams.get("state")).toBe("xyz");
    const base = { grant_type: "authorization_code", code: flow.code, client_id: flow.client_id };
    const wrongVerifier = await post("/oauth2/token", {
      ...base,
      redirect_uri: flow.redirect_uri,
      code_verifier: randomBytes(32).toString("base64url"),
    });
    expect(await wrongVerifier.json()).toMatchObject({ error: "invalid_grant" });
    const wrongRedirect = await post("/oauth2/token", {
      ...base,
      redirect_uri: "http://127.0.0.1:9999/other",
      code_verifier: flow.verifier,
    });
    expect(wrongRedirect.status).toBe(400);

    const fresh = await manualCode(admin);
    const ok = { grant_type: "authorization_code", code: fresh.code, client_id: fresh.client_id };
    const tokens = await post("/oauth2/token", {
      ...ok,
      redirect_uri: fresh.redirect_uri,
      code_verifier: fresh.verifier,
    });
    expect(tokens.status).toBe(200);
    const { access_token } = (await tokens.json()) as { access_token: string };
    const twice = await post("/oauth2/token", {
      ...ok,
      redirect_uri: fresh.redirect_uri,
      code_verifier: fresh.verifier,
    });
    expect(await twice.json()).toMatchObject({ error: "invalid_grant" });
    // A replayed code means it leaked: the tokens it made are revoked too.
    expect(
      (await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${access_token}` } })).status,
    ).toBe(401);
  });

  it("refuses plain PKCE and unregistered redirect URIs", async () => {
    const flow = await manualCode(admin);
    const plain = new URL("/oauth2/authorize", server.url);
    plain.search = new URLSearchParams({
      response_type: "code",
      client_id: flow.client_id,
      redirect_uri: flow.redirect_uri,
      code_challenge: "a".repeat(43),
      code_challenge_method: "plain",
    }).toString();
    const res = await fetch(plain, { redirect: "manual" });
    expect(new URL(res.headers.get("location") ?? "").searchParams.get("error")).toBe("invalid_request");
    plain.searchParams.set("redirect_uri", "https://evil.example/cb");
    const evil = await fetch(plain, { redirect: "manual" });
    expect(evil.status).toBe(400);
    expect(evil.headers.get("location")).toBeNull();
  });
});

describe("scopes", () => {
  it("narrowed on the consent screen: the token sees only the ticked scopes' tools", async () => {
    const provider = new TestOAuthProvider(admin, () => ["opportunities:read"]);
    const client = await connectWithOAuth(server.url, provider);
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain("list_opportunities");
    expect(names).not.toContain("record_payment");
    expect(names).not.toContain("get_invoice");
    expect(provider.screen?.offered_scopes).toContain("invoices:write");
    await client.close();
  });

  it("follow the member's role at use time: a role edit narrows a live token on its next request", async () => {
    const roles = await fetch(`${server.url}/api/v1/roles`, { headers: { cookie: admin.cookie } });
    const editor = ((await roles.json()) as { data: { id: string; name: string; scopes: string[] }[] }).data.find(
      (r) => r.name === "Editor",
    );
    const invited = await fetch(`${server.url}/api/v1/members`, {
      method: "POST",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
      body: JSON.stringify({ email: "editor@example.test", role_id: editor?.id }),
    });
    const token = String(((await invited.json()) as { invite_url: string }).invite_url).split("#")[1];
    await fetch(`${server.url}/api/v1/invites/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, password: "a good long password" }),
    });
    const editorBrowser = await signIn(server.url, "editor@example.test", "a good long password");
    const provider = new TestOAuthProvider(editorBrowser);
    (await connectWithOAuth(server.url, provider)).close();
    const access = provider.saved?.access_token ?? "";
    expect(await toolNames(access)).toContain("record_payment");

    const narrowed = editor?.scopes.filter((s) => s !== "invoices:write");
    const edit = await fetch(`${server.url}/api/v1/roles/${editor?.id}`, {
      method: "PATCH",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
      body: JSON.stringify({ scopes: narrowed }),
    });
    expect(edit.status).toBe(200);
    const names = await toolNames(access);
    expect(names).not.toContain("record_payment");
    expect(names).toContain("get_invoice");
  });
});

describe("revocation", () => {
  it("RFC 7009: revoking the refresh token ends the grant; revoking an access token ends only it", async () => {
    const provider = new TestOAuthProvider(admin);
    (await connectWithOAuth(server.url, provider)).close();
    const { access_token, refresh_token } = provider.saved ?? { access_token: "", refresh_token: "" };
    expect((await post("/oauth2/revoke", { token: "stl_oat_unknown" })).status).toBe(200);
    expect((await post("/oauth2/revoke", { token: refresh_token ?? "" })).status).toBe(200);
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(me.status).toBe(401);
  });

  it("Settings → Connected apps lists the member's grants and Revoke stops the client at once", async () => {
    const provider = new TestOAuthProvider(admin, () => ["opportunities:read", "invoices:read"]);
    (await connectWithOAuth(server.url, provider)).close();
    const access = provider.saved?.access_token ?? "";
    const listed = await fetch(`${server.url}/api/v1/oauth/grants`, { headers: { cookie: admin.cookie } });
    const grants = ((await listed.json()) as { data: { id: string; client_name: string; scopes: string[] }[] }).data;
    const grant = grants.find((g) => g.scopes.join(" ") === "opportunities:read invoices:read");
    expect(grant?.client_name).toBe("Test agent");
    // The token itself may not manage grants: only the person in the web app can.
    const byToken = await fetch(`${server.url}/api/v1/oauth/grants`, {
      headers: { authorization: `Bearer ${access}` },
    });
    expect(byToken.status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${access}` } })).status).toBe(
      200,
    );
    const revoked = await fetch(`${server.url}/api/v1/oauth/grants/${grant?.id}`, {
      method: "DELETE",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
    });
    expect(revoked.status).toBe(204);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${access}` } })).status).toBe(
      401,
    );
  });

  it("API keys keep working as bearer tokens beside OAuth", async () => {
    expect(await toolNames(ws.apiKey)).toContain("record_payment");
  });
});

describe("rate limits", () => {
  it("limit the OAuth endpoints per client IP", async () => {
    const limited = await listenWithPublicUrl(database, { oauthRateLimitPerMinute: 2 });
    const register = () =>
      fetch(`${limited.url}/oauth2/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ redirect_uris: ["http://127.0.0.1/cb"] }),
      });
    expect((await register()).status).toBe(201);
    expect((await register()).status).toBe(201);
    const third = await register();
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBeTruthy();
    await limited.close();
  });
});
