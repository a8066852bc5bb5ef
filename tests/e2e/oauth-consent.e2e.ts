import { createHash, randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;
let page: Page;
const redirectUri = "http://127.0.0.1:9/callback";
const verifier = randomBytes(32).toString("base64url");
let clientId = "";
let accessToken = "";

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The client's own redirect target: answered here, as a native client's loopback listener would.
  await page.route(`${redirectUri}**`, (route) => route.fulfill({ status: 200, body: "connected" }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const me = (token: string) => fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

describe("connecting an MCP client with OAuth", () => {
  it("shows the consent screen, lets the member untick scopes, and hands the client a code", async () => {
    const reg = await fetch(`${server.url}/oauth2/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: "Desk agent", redirect_uris: [redirectUri] }),
    });
    clientId = ((await reg.json()) as { client_id: string }).client_id;
    await signIn(page, server.url, server.demo.admin);
    const authorize = new URL("/oauth2/authorize", server.url);
    authorize.search = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: redirectUri,
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
      scope: "opportunities:read invoices:read invoices:write",
      state: "s1",
    }).toString();
    await page.goto(authorize.toString());
    await page.getByTestId("consent-page").waitFor();
    expect(await page.getByTestId("consent-client").textContent()).toBe("Desk agent");
    await page.locator('input[value="invoices:write"]').uncheck();
    await screenshot(page, "oauth-consent");
    const landed = page.waitForURL(`${redirectUri}**`);
    await page.getByTestId("consent-approve").click();
    await landed;
    const back = new URL(page.url());
    expect(back.searchParams.get("state")).toBe("s1");
    const token = await fetch(`${server.url}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: back.searchParams.get("code") ?? "",
        redirect_uri: redirectUri,
        client_id: clientId,
        code_verifier: verifier,
      }).toString(),
    });
    accessToken = ((await token.json()) as { access_token: string }).access_token;
    const scopes = ((await (await me(accessToken)).json()) as { scopes: string[] }).scopes;
    expect(scopes.sort()).toEqual(["invoices:read", "opportunities:read"]);
  });

  it("lists the client under Settings → Connected apps, where Revoke stops it at once", async () => {
    await page.goto(`${server.url}/opportunities`);
    await page.getByTestId("nav-connected-apps").click();
    const row = page.locator('[data-testid="connected-app-row"][data-name="Desk agent"]');
    await row.waitFor();
    await screenshot(page, "connected-apps");
    await row.getByTestId("revoke-app").click();
    await page.getByRole("button", { name: "Revoke access" }).click();
    await row.waitFor({ state: "detached" });
    expect((await me(accessToken)).status).toBe(401);
  });
});
