import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
let server: TestServer;
let browser: Browser;
let page: Page;
let second: { workspace_id: string; api_key: string };

/** A second workspace made with the CLI, which reaches the running server over its admin channel. */
async function createSecondWorkspace(): Promise<{ workspace_id: string; api_key: string }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "bin/settle.js",
      "workspace",
      "create",
      "--name",
      "Zeta Studio",
      "--admin-email",
      "owner@zeta.test",
      "--admin-password",
      "zeta owns this studio",
      "--json",
    ],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: "warn" } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
}

async function api(path: string, key: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  second = await createSecondWorkspace();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a person in two workspaces", () => {
  it("accepts an invite to a second workspace with their own password, without changing it", async () => {
    const roles = await api("/roles", second.api_key);
    const viewer = roles.body.data.find((r: { preset: string | null }) => r.preset === "viewer");
    const invite = await api("/members", second.api_key, { email: server.demo.admin.email, role_id: viewer.id });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ status: "invited", name: "" });

    await page.goto(invite.body.invite_url);
    await page.getByLabel("Password").fill("not my password at all");
    await page.getByRole("button", { name: "Accept invite" }).click();
    await page.getByTestId("error-banner").waitFor();
    expect(await page.getByTestId("error-banner").textContent()).toContain("already has a Settle account");
    await page.getByLabel("Password").fill(server.demo.admin.password);
    await page.getByRole("button", { name: "Accept invite" }).click();
    await page.getByText("You joined").waitFor();
    expect(await page.textContent("body")).toContain("Zeta Studio");
  });

  it("chooses a workspace after sign-in and switches from the sidebar", async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel("Email").fill(server.demo.admin.email);
    await page.getByLabel("Password").fill(server.demo.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const chooser = page.getByTestId("workspace-chooser");
    await chooser.waitFor();
    await screenshot(page, "workspace-chooser");
    await chooser.getByRole("button", { name: "Zeta Studio" }).click();
    await page.getByTestId("sign-out").waitFor();
    const switcher = page.getByTestId("workspace-switcher");
    await expect.poll(() => switcher.inputValue()).toBe(second.workspace_id);
    // A viewer in Zeta: no settings that need admin scopes.
    expect(await page.getByTestId("nav-api-keys").count()).toBe(0);

    await switcher.selectOption({ label: "Demo Agency" });
    await page.getByTestId("nav-api-keys").waitFor();
    const me = await page.evaluate(() => fetch("/api/v1/me").then((r) => r.json()));
    expect(me.workspace_id).not.toBe(second.workspace_id);
    await screenshot(page, "workspace-switched");
  });

  it("shows the admin the audit log of what just happened", async () => {
    await page.getByTestId("nav-audit-log").click();
    await page.getByTestId("audit-table").waitFor();
    const text = (await page.getByTestId("audit-table").textContent()) ?? "";
    expect(text).toContain("Signed in");
    expect(text).toContain("Switched workspace");
    expect(text).toContain(server.demo.admin.email);
    await screenshot(page, "audit-log");
  });

  it("signs in straight into the only workspace of a person who has one", async () => {
    const other = await browser.newPage();
    await signIn(other, server.url, server.demo.viewer);
    expect(await other.getByTestId("workspace-switcher").count()).toBe(0);
    await other.close();
  });
});
