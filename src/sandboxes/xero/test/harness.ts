import { createHash, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { AccountingApi } from "xero-node";
import { createXeroSandbox, type XeroSandbox, type XeroSandboxOptions } from "../index.ts";
import { Conformance } from "./conformance.ts";

const MOUNT = "/sandbox/xero";
export const NZ_TENANT = "a3f1c0de-0001-4e1a-9c55-5e771e000001";
export const AU_TENANT = "a3f1c0de-0002-4e1a-9c55-5e771e000002";

export interface Harness {
  sandbox: XeroSandbox;
  conformance: Conformance;
  origin: string;
  urls: XeroSandbox["urls"];
  basicAuth: string;
  accounting(accessToken: string): AccountingApi;
  clientCredentialsToken(scope?: string): Promise<string>;
  token(form: Record<string, string>, auth?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  authorize(options?: AuthorizeOptions): Promise<AuthorizeResult>;
  /** Consents (code grant with the client secret) and returns the token response. */
  connect(options?: AuthorizeOptions): Promise<ConnectedTokens>;
  /** The console's JSON API with its token: GET without a body, POST with one. */
  console(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface AuthorizeOptions {
  /** One organisation, or several ticked on the consent page at once. */
  tenantId?: string | string[];
  deny?: boolean;
  pkce?: boolean;
  scope?: string;
}

export interface AuthorizeResult {
  redirect: URL;
  code?: string;
  verifier?: string;
}

export interface ConnectedTokens {
  access_token: string;
  refresh_token: string;
  /** The access token's authentication_event_id claim: this consent's authEventId. */
  authEventId: string;
}

export const REDIRECT_URI = "http://localhost:5173/xero/callback";

/** Serves the sandbox over real HTTP on 127.0.0.1, with every exchange checked against the specs. */
export async function startHarness(options: Partial<XeroSandboxOptions> = {}): Promise<Harness> {
  let fetchHandler: (request: Request, env: unknown) => Response | Promise<Response> = () =>
    new Response(null, { status: 503 });
  const server = serve({ fetch: (request, env) => fetchHandler(request, env), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sandbox = createXeroSandbox({ publicUrl: `${origin}${MOUNT}`, ...options });
  const conformance = new Conformance(MOUNT);
  const root = new Hono();
  root.use("*", conformance.middleware());
  root.route(MOUNT, sandbox.app);
  fetchHandler = (request, env) => root.fetch(request, env);
  const basicAuth = `Basic ${Buffer.from(`${sandbox.credentials.client_id}:${sandbox.credentials.client_secret}`).toString("base64")}`;

  const token: Harness["token"] = async (form, auth = basicAuth) => {
    const response = await fetch(`${sandbox.urls.identity_url}/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(auth ? { authorization: auth } : {}) },
      body: new URLSearchParams(form).toString(),
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.ok)
      conformance.check(conformance.identity, "identity#/components/schemas/AccessToken", body, "token response");
    return { status: response.status, body };
  };

  return {
    sandbox,
    conformance,
    origin,
    urls: sandbox.urls,
    basicAuth,
    accounting(accessToken) {
      const api = new AccountingApi(`${sandbox.urls.api_url}/api.xro/2.0`);
      api.accessToken = accessToken;
      return api;
    },
    async clientCredentialsToken(scope) {
      const result = await token({ grant_type: "client_credentials", ...(scope ? { scope } : {}) });
      return String(result.body.access_token);
    },
    token,
    authorize: (authOptions = {}) => authorize(sandbox, authOptions),
    async connect(authOptions = {}) {
      const { code } = await authorize(sandbox, authOptions);
      const result = await token({ grant_type: "authorization_code", code: code ?? "", redirect_uri: REDIRECT_URI });
      if (result.status !== 200) throw new Error(`token exchange: ${JSON.stringify(result.body)}`);
      const access = String(result.body.access_token);
      const claims = JSON.parse(Buffer.from(access.split(".")[1] ?? "", "base64url").toString()) as {
        authentication_event_id: string;
      };
      return {
        access_token: access,
        refresh_token: String(result.body.refresh_token),
        authEventId: claims.authentication_event_id,
      };
    },
    async console(path, body) {
      const headers = { "x-sandbox-token": sandbox.consoleToken, "content-type": "application/json" };
      const response = await fetch(
        `${sandbox.urls.api_url.replace(/\/api$/, "")}/console/api${path}`,
        body === undefined ? { headers } : { method: "POST", headers, body: JSON.stringify(body) },
      );
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async close() {
      await sandbox.close();
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function authorize(sandbox: XeroSandbox, options: AuthorizeOptions): Promise<AuthorizeResult> {
  const verifier = options.pkce ? randomBytes(32).toString("base64url") : undefined;
  const params = new URLSearchParams({
    response_type: "code",
    client_id: sandbox.credentials.client_id,
    redirect_uri: REDIRECT_URI,
    scope: options.scope ?? "openid offline_access accounting.transactions accounting.contacts accounting.settings",
    state: "csrf-123",
  });
  if (verifier) {
    params.set("code_challenge", createHash("sha256").update(verifier).digest("base64url"));
    params.set("code_challenge_method", "S256");
  }
  const page = await fetch(`${sandbox.urls.login_url}/identity/connect/authorize?${params}`);
  if (!page.ok) throw new Error(`authorize page: ${page.status} ${await page.text()}`);
  await page.text();
  for (const tenantId of [options.tenantId ?? NZ_TENANT].flat()) params.append("tenant_id", tenantId);
  params.set("decision", options.deny ? "deny" : "allow");
  const consent = await fetch(`${sandbox.urls.login_url}/identity/connect/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: params.toString(),
    redirect: "manual",
  });
  const redirect = new URL(consent.headers.get("location") ?? "");
  return { redirect, code: redirect.searchParams.get("code") ?? undefined, verifier };
}

/** xero-node rejects with a JSON string; this turns it back into status, body and headers. */
export async function xeroError(
  promise: Promise<unknown>,
): Promise<{ statusCode: number; body: unknown; headers: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    if (typeof error !== "string") throw error;
    const parsed = JSON.parse(error) as {
      response: { statusCode: number; body: unknown; headers: Record<string, string> };
    };
    return parsed.response;
  }
  throw new Error("Expected the call to fail");
}

export function validationMessages(body: unknown): string[] {
  const elements = (body as { Elements?: Array<{ ValidationErrors?: Array<{ Message: string }> }> }).Elements ?? [];
  return elements.flatMap((e) => (e.ValidationErrors ?? []).map((v) => v.Message));
}
