import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("access administration", () => {
  it("signs in as the demo admin", async () => {
    await signIn(page, server.url, server.demo.admin);
    await expect(page.getByTestId("nav-permissions").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("nav-api-keys").isVisible()).resolves.toBe(true);
  });

  it("creates a custom role and ticks a scope on Permissions", async () => {
    await page.getByTestId("nav-permissions").click();
    await page.getByTestId("permission-grid").waitFor();
    await page.getByTestId("new-role").click();
    await page.getByLabel("Role name").fill("Auditors");
    await page.getByTestId("save-role").click();
    const row = page.locator('[data-testid="role-row"][data-role="Auditors"]');
    await row.waitFor();
    const box = page.getByLabel("Auditors: invoices:read", { exact: true });
    expect(await box.isChecked()).toBe(false);
    const saved = page.waitForResponse((r) => r.url().includes("/api/v1/roles/") && r.request().method() === "PATCH");
    await box.check();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => box.isChecked()).toBe(true);
    await screenshot(page, "permissions");

    await page.reload();
    await page.getByTestId("permission-grid").waitFor();
    expect(await page.getByLabel("Auditors: invoices:read", { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Auditors: invoices:write", { exact: true }).isChecked()).toBe(false);
  });

  it("invites a member with the custom role and shows the invite link once", async () => {
    await page.getByTestId("nav-members").click();
    await page.getByTestId("invite-member").click();
    const dialog = page.getByTestId("invite-dialog");
    await dialog.getByLabel("Email").fill("auditor@example.test");
    await dialog.getByLabel("Role").selectOption({ label: "Auditors" });
    await dialog.getByRole("button", { name: "Send invite" }).click();
    const url = (await page.getByTestId("invite-url").textContent()) ?? "";
    expect(url).toContain("/invite#");
    await screenshot(page, "invite");
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("cell", { name: "auditor@example.test" }).waitFor();
    expect(await page.content()).not.toContain(url);
  });

  it("shows the server's message and fix when deleting a role in use", async () => {
    await page.getByTestId("nav-permissions").click();
    const row = page.locator('[data-testid="role-row"][data-role="Auditors"]');
    await row.getByTestId("delete-role").click();
    await page.getByTestId("confirm-button").click();
    const dialog = page.getByTestId("confirm-dialog");
    await dialog.getByTestId("error-banner").waitFor();
    expect(await dialog.getByTestId("error-message").textContent()).toContain("hold the role");
    expect(await dialog.getByTestId("error-fix").textContent()).toContain("Move those members");
    await screenshot(page, "delete-role-error");
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });

  it("creates an API key, shows its secret once, and the key carries the chosen scopes", async () => {
    await page.getByTestId("nav-api-keys").click();
    await page.getByTestId("new-api-key").click();
    const dialog = page.getByTestId("create-api-key-dialog");
    await dialog.getByLabel("Name").fill("Reporting script");
    const checklist = dialog.getByTestId("scope-checklist");
    await checklist.locator('input[value="opportunities:read"]').check();
    await checklist.locator('input[value="invoices:read"]').check();
    await screenshot(page, "api-key-create");
    await dialog.getByTestId("create-api-key").click();

    const secretEl = page.getByTestId("api-key-secret");
    await secretEl.waitFor();
    const secret = (await secretEl.textContent()) ?? "";
    expect(secret.startsWith("stl_live_")).toBe(true);
    await screenshot(page, "api-key-secret");

    await page.getByTestId("secret-done").click();
    await page.locator('[data-testid="api-key-row"][data-name="Reporting script"]').waitFor();
    expect(await page.getByTestId("api-key-secret").count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.locator('[data-testid="api-key-row"][data-name="Reporting script"]').waitFor();
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, "api-keys");

    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { actor: string; scopes: string[] };
    expect(body.actor).toBe("api_key");
    expect([...body.scopes].sort()).toEqual(["invoices:read", "opportunities:read"]);
  });
});
