import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { subscribe } from "./subscriptions-setup.ts";

let h: StripeHarness;
let browser: Browser;

beforeAll(async () => {
  h = await startStripeHarness();
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
});
afterAll(async () => {
  await browser?.close();
  await h.close();
});

describe("console page", () => {
  it("opens with its link, shows every tab, advances a subscription and escapes what it shows", async () => {
    const started = await subscribe(h, { metadata: { note: "<img src=x onerror=window.__owned=1>" } });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${h.sandbox.urls.console_url}?token=${h.sandbox.consoleToken}`);
    expect(new URL(page.url()).search).toBe("");
    await page.getByRole("heading", { name: "Stripe sandbox" }).waitFor();
    for (const tab of [
      "Accounts",
      "Payment links",
      "Sessions",
      "Payments",
      "Events",
      "Clock & faults",
      "Request log",
    ]) {
      await page.getByRole("button", { name: tab, exact: true }).click();
      await page.waitForLoadState("networkidle");
    }
    await page.getByRole("button", { name: "Subscriptions", exact: true }).click();
    const row = page.locator("#subs tr", { hasText: started.subscriptionId });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("<img src=x");
    await row.getByRole("button", { name: "Advance a period" }).click();
    await page.locator("#invoices tr", { hasText: "subscription_cycle" }).waitFor();
    await page.getByRole("button", { name: "Clock & faults", exact: true }).click();
    await page.locator("#fkind").selectOption("500");
    await page.getByRole("button", { name: "Inject" }).click();
    await page.locator("#faults", { hasText: "500 × 1" }).waitFor();
    await page.getByRole("button", { name: "Clear faults" }).click();
    await page.locator("#faults", { hasText: "No faults pending" }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { __owned?: number }).__owned)).toBeUndefined();
    expect(errors).toEqual([]);
  }, 30_000);
});
