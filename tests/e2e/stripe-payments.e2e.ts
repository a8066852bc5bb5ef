import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiInPage, launch, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// One line of 2 × 450.00 USD without tax: a full invoice of 900.00.
const INVOICE_TOTAL = 90_000;
const PAYER = "ap@harbour.test";

let server: TestServer;
let browser: Browser;
let admin: BrowserContext;
let opportunityId = "";
let lineId = "";

function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `/tmp/stripe-${name}.png`, fullPage: true });
}

async function newPage(): Promise<Page> {
  const page = await admin.newPage();
  await page.goto(`${server.url}/`);
  await page.getByTestId("sign-out").waitFor();
  return page;
}

async function openOpportunity(page: Page): Promise<void> {
  await page.goto(`${server.url}/opportunities/${opportunityId}`);
  await page.getByTestId("line-row").first().waitFor();
}

const invoiceCard = (page: Page): Locator => page.locator('[data-testid="invoice-card"][data-portion="full"]').first();
const pill = (page: Page): Locator =>
  page.locator(`[data-testid="line-row"][data-line-id="${lineId}"]`).getByTestId("status-pill");

/** New invoice → Full → Create, then Send (approving a native invoice). */
async function raiseAndSend(page: Page): Promise<void> {
  await page.getByTestId("new-invoice").click();
  const dialog = page.getByTestId("new-invoice-dialog");
  await dialog.getByTestId("portion-picker").getByText("Full", { exact: true }).click();
  await expect.poll(() => dialog.getByTestId("preview-total").getAttribute("data-amount")).toBe(String(INVOICE_TOTAL));
  await dialog.getByTestId("create-invoice").click();
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => invoiceCard(page).getAttribute("data-status")).toBe("DRAFT");
  await invoiceCard(page).getByTestId("invoice-send").click();
  await expect.poll(() => invoiceCard(page).getAttribute("data-status")).toBe("AUTHORISED");
}

async function prepare(page: Page): Promise<void> {
  const company = await apiInPage<{ id: string }>(page, "POST", "/companies", { name: "Harbour Studio" });
  const product = await apiInPage<{ id: string }>(page, "POST", "/products", {
    name: "Brand workshop",
    unit_amount: 45_000,
    currency: "USD",
  });
  expect([company.status, product.status]).toEqual([201, 201]);
  const opp = await apiInPage<{ id: string }>(page, "POST", "/opportunities", {
    name: "Harbour rebrand",
    company_id: company.json.id,
    currency: "USD",
  });
  expect(opp.status).toBe(201);
  opportunityId = opp.json.id;
  const line = await apiInPage<{ id: string }>(page, "POST", `/opportunities/${opportunityId}/products`, {
    product_id: product.json.id,
    quantity: 2,
  });
  expect(line.status).toBe(201);
  lineId = line.json.id;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await admin.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await admin.newPage();
  await signIn(page, server.url, server.demo.admin);
  await prepare(page);
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("Stripe payments in the web app", () => {
  it("greys out Create payment link with the reason until Stripe is connected", async () => {
    const page = await newPage();
    await openOpportunity(page);
    await raiseAndSend(page);
    const button = invoiceCard(page).getByTestId("create-payment-link");
    await expect.poll(() => button.isDisabled()).toBe(true);
    expect(await invoiceCard(page).getByTestId("payment-link-hint").textContent()).toBe(
      "Connect Stripe in Settings → Integrations",
    );
    await shot(page, "link-disabled");
    await page.close();
  });

  it("connects Stripe through the sandbox's Connect page", async () => {
    const page = await newPage();
    await page.getByTestId("nav-integrations").click();
    const card = page.getByTestId("stripe-card");
    await expect.poll(() => card.getByTestId("stripe-connection-status").textContent()).toBe("Not connected");
    await card.getByTestId("connect-stripe").click();
    await page.waitForURL(/\/sandbox\/stripe\/connect\//);
    await page.getByText("would like to connect to your Stripe account").waitFor();
    await page.getByLabel("Business name").fill("Harbour Studio Ltd");
    await shot(page, "authorize");
    await page.getByRole("button", { name: "Connect my Stripe account" }).click();
    await page.waitForURL(/\/settings\/integrations\?stripe=connected/);
    const banner = page.getByTestId("stripe-outcome-banner");
    await banner.waitFor();
    expect(await banner.getAttribute("data-outcome")).toBe("connected");
    await expect.poll(() => card.getByTestId("stripe-connection-status").textContent()).toBe("Connected");
    expect(await card.getByTestId("stripe-account-name").textContent()).toBe("Harbour Studio Ltd");
    expect(await card.getByTestId("stripe-account-id").textContent()).toMatch(/^acct_/);
    expect(await card.getByTestId("stripe-mode").textContent()).toBe("Test mode");
    await shot(page, "connected");
    await page.close();
  });

  it("makes a one-time link, the client pays it, and the invoice and its line turn Paid without a reload", async () => {
    const page = await newPage();
    await openOpportunity(page);
    const card = invoiceCard(page);
    await expect.poll(() => card.getByTestId("create-payment-link").isEnabled()).toBe(true);
    expect(await card.getByTestId("payment-link-hint").count()).toBe(0);
    await card.getByTestId("create-payment-link").click();
    const dialog = page.getByTestId("payment-link-dialog");
    expect(await dialog.getByTestId("payment-link-one-time").isChecked()).toBe(true);
    await dialog.getByTestId("payment-link-subscription").check();
    await dialog.getByTestId("payment-link-interval-month").waitFor();
    await dialog.getByTestId("payment-link-one-time").check();
    await dialog.getByTestId("submit-payment-link").click();
    await dialog.waitFor({ state: "detached" });

    const link = card.getByTestId("payment-link");
    await link.waitFor();
    expect(await link.getByTestId("payment-link-mode-label").textContent()).toBe("One-time payment");
    expect(await link.getByTestId("payment-link-active").textContent()).toBe("Active");
    const url = (await link.getAttribute("data-url")) ?? "";
    expect(url).toMatch(/\/sandbox\/stripe\//);
    await link.getByTestId("copy-button").click();
    await expect.poll(() => link.getByTestId("copy-button").textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(await pill(page).textContent()).toBe("Invoiced");
    await shot(page, "link-made");

    // A second link would replace the active one: the dialog asks first.
    await card.getByTestId("create-payment-link").click();
    const again = page.getByTestId("payment-link-dialog");
    expect(await again.getByTestId("replace-link-warning").textContent()).toContain("the current link stops working");
    expect(await again.getByTestId("submit-payment-link").isDisabled()).toBe(true);
    await again.getByTestId("confirm-replace-link").check();
    expect(await again.getByTestId("submit-payment-link").isEnabled()).toBe(true);
    await again.getByRole("button", { name: "Cancel" }).click();
    await again.waitFor({ state: "detached" });

    const [checkout] = await Promise.all([admin.waitForEvent("page"), link.getByTestId("open-payment-link").click()]);
    await checkout.waitForLoadState();
    await checkout.getByText("Invoice ").first().waitFor();
    await checkout.getByLabel("Email").fill(PAYER);
    await checkout.getByLabel("Card", { exact: true }).check();
    await checkout.getByLabel("Card number").fill("4242 4242 4242 4242");
    await checkout.getByLabel("Expiration (MM / YY)").fill("12 / 34");
    await checkout.getByLabel("CVC").fill("123");
    await shot(checkout, "checkout");
    await checkout.getByRole("button", { name: "Pay" }).click();
    await checkout.getByRole("heading", { name: "Thanks for your payment" }).waitFor();
    await checkout.close();

    await page.bringToFront();
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 20_000 }).toBe("PAID");
    expect(await card.getByTestId("invoice-status").textContent()).toBe("Paid");
    await expect.poll(() => pill(page).textContent(), { timeout: 10_000 }).toBe("Paid");
    expect(await card.getByTestId("create-payment-link").count()).toBe(0);
    await shot(page, "paid");

    await card.getByTestId("sync-payments").click();
    await expect.poll(() => card.getByTestId("sync-payments-result").textContent()).toBe("Synced with Stripe: Paid");
    await page.close();
  });

  it("lists the payment on the Payments page with its raw Stripe event", async () => {
    const page = await newPage();
    await page.getByTestId("nav-payments").click();
    const row = page.locator('[data-testid="payment-row"][data-type="payment"]').first();
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("succeeded");
    expect(await row.getByTestId("payment-amount").getAttribute("data-amount")).toBe(String(INVOICE_TOTAL));
    expect(await row.getByTestId("payment-amount").textContent()).toBe("$900.00");
    expect(await row.textContent()).toContain(PAYER);
    await expect.poll(() => row.getByTestId("payment-invoice").textContent()).toMatch(/^INV-/);
    const csv = await page.getByTestId("payments-export-csv").getAttribute("href");
    expect(csv).toBe("/api/v1/payments.csv");
    await page.getByTestId("payments-type-filter").selectOption("payment");
    await expect
      .poll(() => page.getByTestId("payments-export-csv").getAttribute("href"))
      .toBe("/api/v1/payments.csv?type=payment");
    await page.getByTestId("payments-search").fill("nobody@");
    await page.getByText("No payments match these filters").waitFor();
    await page.getByTestId("payments-clear-filters").click();
    await row.waitFor();
    await shot(page, "payments");

    await row.getByTestId("payment-raw-event").click();
    const dialog = page.getByTestId("raw-event-dialog");
    const json = dialog.getByTestId("raw-event-json");
    await json.waitFor();
    const event = JSON.parse((await json.textContent()) ?? "{}") as { id?: string; type?: string };
    expect(event.id).toMatch(/^evt_/);
    expect(event.type).toMatch(/^(checkout\.session|payment_intent|charge)\./);
    await shot(page, "raw-event");
    await page.close();
  });
});
