import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import type { Database } from "../../src/db/client.ts";
import type { AppDeps } from "../../src/http/deps.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

/**
 * Serves a test app whose publicUrl is its own address: OAuth clients check that the protected-resource metadata
 * names the very URL they connect to, so the app is built once the port is known.
 */
export async function listenWithPublicUrl(database: Database, overrides: Partial<AppDeps> = {}) {
  let app: TestApp | undefined;
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: (request) => (app as TestApp).fetch(request), port: 0, hostname: "127.0.0.1" }, () =>
      done(s),
    );
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = createTestApp(database, { publicUrl: url, ...overrides });
  return { url, app, close: () => new Promise<void>((done) => server.close(() => done())) };
}

export type Browser = { cookie: string; csrf: string; url: string };

/** Signs in to the web app like a browser would, keeping the session cookie and CSRF token. */
export async function signIn(url: string, email: string, password: string): Promise<Browser> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrf_token: string };
  return { cookie: res.headers.get("set-cookie")?.split(";")[0] ?? "", csrf: body.csrf_token, url };
}

/**
 * Plays the member in the browser: follows /oauth2/authorize to the consent screen's route, reads what it would
 * show, and posts the decision with the ticked scopes (all offered ones unless narrowed). Returns the redirect.
 */
export async function consent(
  browser: Browser,
  authorizationUrl: URL | string,
  tick?: (offered: string[]) => string[],
) {
  const authorize = await fetch(authorizationUrl, { redirect: "manual", headers: { cookie: browser.cookie } });
  const location = authorize.headers.get("location") ?? "";
  if (authorize.status !== 302 || !location.startsWith("/consent?")) {
    throw new Error(`authorize did not hand over to the consent screen: ${authorize.status} ${location}`);
  }
  const query = location.slice("/consent?".length);
  const shown = await fetch(`${browser.url}/api/v1/oauth/consent?${query}`, { headers: { cookie: browser.cookie } });
  const screen = (await shown.json()) as { offered_scopes: string[]; requested_scopes: string[] };
  const scopes = tick ? tick(screen.offered_scopes) : screen.offered_scopes;
  const decided = await fetch(`${browser.url}/api/v1/oauth/consent`, {
    method: "POST",
    headers: { cookie: browser.cookie, "x-csrf-token": browser.csrf, "content-type": "application/json" },
    body: JSON.stringify({ ...Object.fromEntries(new URLSearchParams(query)), approve: true, scopes }),
  });
  const decision = (await decided.json()) as { redirect_to?: string };
  if (!decision.redirect_to) throw new Error(`consent failed: ${decided.status} ${JSON.stringify(decision)}`);
  return { screen, redirect: new URL(decision.redirect_to) };
}

/** An in-memory OAuth client for the SDK, whose "browser" is the consent() above. */
export class TestOAuthProvider implements OAuthClientProvider {
  info: OAuthClientInformationMixed | undefined;
  saved: OAuthTokens | undefined;
  verifier = "";
  lastRedirect: URL | undefined;
  screen: { offered_scopes: string[]; requested_scopes: string[] } | undefined;

  constructor(
    private readonly browser: Browser,
    private readonly tick?: (offered: string[]) => string[],
  ) {}

  get redirectUrl() {
    return "http://127.0.0.1:7777/callback";
  }
  get clientMetadata(): OAuthClientMetadata {
    return { client_name: "Test agent", redirect_uris: [this.redirectUrl], token_endpoint_auth_method: "none" };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  async redirectToAuthorization(url: URL) {
    const { redirect, screen } = await consent(this.browser, url, this.tick);
    this.lastRedirect = redirect;
    this.screen = screen;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

/** The SDK's own OAuth dance: 401 → discovery → registration → consent → code → tokens → connected. */
export async function connectWithOAuth(url: string, provider: TestOAuthProvider): Promise<Client> {
  const make = () => new StreamableHTTPClientTransport(new URL("/mcp", url), { authProvider: provider });
  const first = make();
  const client = new Client({ name: "oauth-agent", version: "1.0.0" });
  try {
    await client.connect(first);
    return client;
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
  }
  const code = provider.lastRedirect?.searchParams.get("code");
  if (!code) throw new Error(`no code came back: ${provider.lastRedirect}`);
  await first.finishAuth(code);
  const connected = new Client({ name: "oauth-agent", version: "1.0.0" });
  await connected.connect(make());
  return connected;
}
