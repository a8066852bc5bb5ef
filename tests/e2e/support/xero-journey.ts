/// <reference types="node" />
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { apiInPage, launch, signIn } from "./browser.ts";
import { startServer, type TestServer } from "./server.ts";

/**
 * The Xero browser journeys' shared ground: one demo-seeded server with the mounted Xero sandbox per file, one
 * signed-in browser context per person, a prepared NZD opportunity, and the steps the journeys repeat.
 */

// The sandbox's Demo Company (NZ): NZD, 15% GST on Income (OUTPUT2), bank account 090.
export const NZ_TENANT = "a3f1c0de-0001-4e1a-9c55-5e771e000001";
export const AU_TENANT = "a3f1c0de-0002-4e1a-9c55-5e771e000002";
// 2 × 1,000.00 at 15% GST with a 30% deposit: deposit 600.00 + 90.00 GST, balance 1,400.00 + 210.00 GST.
export const DEPOSIT_TOTAL = 69_000;
export const BALANCE_TOTAL = 161_000;
export const FIRST_REPEAT = "2027-03-01";

export let server: TestServer;
export let browser: Browser;
export let opportunityId = "";
export let fitOutLineId = "";
export let retainerLineId = "";

// Sign-ins are rate limited (10 a minute), so each person signs in once and every test opens a page in it.
const sessions = new Map<string, BrowserContext>();

export async function newSignedInPage(who: { email: string; password: string }): Promise<Page> {
  let context = sessions.get(who.email);
  if (!context) {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await signIn(first, server.url, who);
    await first.close();
    sessions.set(who.email, context);
  }
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByTestId("sign-out").waitFor();
  return page;
}

export function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `/tmp/xero-${name}.png`, fullPage: true });
}

export async function openOpportunity(page: Page): Promise<void> {
  await page.goto(`${server.url}/opportunities/${opportunityId}`);
  await page.getByTestId("line-row").first().waitFor();
}

export const pill = (page: Page, lineId: string): Locator =>
  page.locator(`[data-testid="line-row"][data-line-id="${lineId}"]`).getByTestId("status-pill");
export const xeroCard = (page: Page, portion: string): Locator =>
  page.locator(`[data-testid="invoice-card"][data-provider="xero"][data-portion="${portion}"]`).first();

/** The sandbox console's JSON API, as a Xero user would act in Xero's own web app. */
export async function sandbox<T>(path: string, body?: unknown): Promise<T> {
  const token = (await readFile(join(server.dataDir, "sandbox-console-token"), "utf8")).trim();
  const response = await fetch(`${server.url}/sandbox/xero/console/api${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-sandbox-token": token, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

/** Settings → Integrations → Connect (or Reconnect): Xero's consent page, the organisations ticked, Allow. */
export async function consent(
  page: Page,
  button: "connect-xero" | "reconnect-xero",
  tenants = [NZ_TENANT],
  outcome: "connected" | "choose" = "connected",
): Promise<void> {
  await page.getByTestId(button).click();
  await page.waitForURL(/\/sandbox\/xero\/login\//);
  await page.getByText("wants to access your Xero data").waitFor();
  for (const box of await page.locator('input[name="tenant_id"]').all()) {
    await box.setChecked(tenants.includes((await box.getAttribute("value")) ?? ""));
  }
  await shot(page, `consent-${button}-${tenants.length}`);
  await page.getByRole("button", { name: "Allow access" }).click();
  await page.waitForURL(new RegExp(`/settings/integrations\\?xero=${outcome}`));
  await page.getByTestId("xero-consent-banner").waitFor();
  expect(await page.getByTestId("xero-consent-banner").getAttribute("data-outcome")).toBe(outcome);
}

export async function chooseMenu(page: Page, menu: string, item: string): Promise<void> {
  await page.getByTestId(menu).click();
  await page.getByTestId(item).click();
}

/** Actions → Send Invoice with the portion's pre-selection, approved in Xero without an email. */
export async function sendInvoice(page: Page, portion: "deposit" | "balance", total: number): Promise<void> {
  await chooseMenu(page, "xero-actions", "send-xero-invoice");
  const dialog = page.getByTestId("send-xero-invoice-dialog");
  await dialog
    .getByTestId("portion-picker")
    .getByText(portion === "deposit" ? "Deposit" : "Balance", { exact: true })
    .click();
  const check = dialog.locator(`[data-testid="invoice-line-option"][data-line-id="${fitOutLineId}"] input`);
  await expect.poll(() => check.isChecked()).toBe(true);
  await expect.poll(() => dialog.getByTestId("preview-total").getAttribute("data-amount")).toBe(String(total));
  const tax = dialog.locator(`[data-testid="xero-line-tax-row"][data-line-id="${fitOutLineId}"] select`);
  await expect.poll(() => tax.inputValue()).toBe("OUTPUT2");
  expect(await dialog.getByTestId("xero-account-select").inputValue()).toBe("200");
  expect(await dialog.getByTestId("xero-status-approved").isChecked()).toBe(true);
  expect(await dialog.getByTestId("xero-email-none").isChecked()).toBe(true);
  await shot(page, `send-${portion}`);
  await dialog.getByTestId("submit-xero-invoice").click();
  await dialog.waitFor({ state: "detached" });
  const card = xeroCard(page, portion);
  await expect.poll(() => card.getAttribute("data-status")).toBe("AUTHORISED");
  expect(await card.getAttribute("data-total-amount")).toBe(String(total));
  expect(await card.getByTestId("invoice-number").textContent()).toMatch(/^INV-\d+$/);
  expect(await card.getByTestId("invoice-status").textContent()).toBe("Awaiting payment");
}

/** Actions → Sync Invoices, then the card reads what Xero now holds. */
export async function syncUntilPaid(page: Page, portion: string): Promise<void> {
  await chooseMenu(page, "xero-actions", "sync-xero-invoices");
  await expect.poll(() => xeroCard(page, portion).getAttribute("data-status"), { timeout: 20_000 }).toBe("PAID");
}

export async function payInSandbox(page: Page, portion: string): Promise<void> {
  const xeroId = await xeroCard(page, portion).getAttribute("data-xero-invoice-id");
  expect(xeroId).toBeTruthy();
  await sandbox(`/orgs/${NZ_TENANT}/payments`, { InvoiceID: xeroId, AccountCode: "090" });
}

/** Actions → Send Invoice for a free-form line only (the recurring line unticked), saved as a draft. */
export async function draftFreeLine(page: Page, name: string, price: string): Promise<Locator> {
  await chooseMenu(page, "xero-actions", "send-xero-invoice");
  const dialog = page.getByTestId("send-xero-invoice-dialog");
  const care = dialog.locator(`[data-testid="invoice-line-option"][data-line-id="${retainerLineId}"] input`);
  await expect.poll(() => care.isEnabled()).toBe(true);
  if (await care.isChecked()) await care.uncheck();
  await dialog.getByTestId("add-free-line").click();
  await dialog.getByTestId("free-line-name").fill(name);
  await dialog.getByTestId("free-line-price").fill(price);
  await dialog.getByTestId("xero-status-draft").check();
  expect(await dialog.getByTestId("xero-email-xero").isDisabled()).toBe(true);
  expect(await dialog.getByTestId("submit-xero-invoice").textContent()).toBe("Save draft in Xero");
  await expect.poll(() => dialog.getByTestId("preview-total").getAttribute("data-amount")).not.toBe("");
  await dialog.getByTestId("submit-xero-invoice").click();
  await dialog.waitFor({ state: "detached" });
  const card = page.locator('[data-testid="invoice-card"][data-provider="xero"][data-status="DRAFT"]').first();
  await card.waitFor();
  return card;
}

/** As the admin: a company with an email, a 30%-deposit product and a recurring one on a fresh NZD opportunity. */
export async function prepare(admin: Page): Promise<void> {
  const company = await apiInPage<{ id: string }>(admin, "POST", "/companies", {
    name: "Kowhai Interiors",
    email: "accounts@kowhai.test",
  });
  expect(company.status).toBe(201);
  const fitOut = await apiInPage<{ id: string }>(admin, "POST", "/products", {
    name: "Fit-out",
    unit_amount: 100_000,
    currency: "NZD",
    deposit_percent: 30,
    tax_rate: 15,
  });
  const retainer = await apiInPage<{ id: string }>(admin, "POST", "/products", {
    name: "Care plan",
    unit_amount: 25_000,
    currency: "NZD",
    tax_rate: 15,
    billing: "recurring",
  });
  expect([fitOut.status, retainer.status]).toEqual([201, 201]);
  const opp = await apiInPage<{ id: string }>(admin, "POST", "/opportunities", {
    name: "Showroom fit-out",
    company_id: company.json.id,
    currency: "NZD",
  });
  expect(opp.status).toBe(201);
  opportunityId = opp.json.id;
  const add = (productId: string, quantity: number) =>
    apiInPage<{ id: string }>(admin, "POST", `/opportunities/${opportunityId}/products`, {
      product_id: productId,
      quantity,
    });
  const fitOutLine = await add(fitOut.json.id, 2);
  const retainerLine = await add(retainer.json.id, 1);
  expect([fitOutLine.status, retainerLine.status]).toEqual([201, 201]);
  fitOutLineId = fitOutLine.json.id;
  retainerLineId = retainerLine.json.id;
}

/** Starts the file's server and browser and prepares the opportunity; `then` runs as the admin after that. */
export function setUpXeroJourney(then?: (admin: Page) => Promise<void>): void {
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    const admin = await newSignedInPage(server.demo.admin);
    await prepare(admin);
    await then?.(admin);
    await admin.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
