/// <reference types="node" />
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiInPage, launch, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The sandbox's Demo Company (NZ): NZD, 15% GST on Income (OUTPUT2), bank account 090.
const NZ_TENANT = "a3f1c0de-0001-4e1a-9c55-5e771e000001";
const AU_TENANT = "a3f1c0de-0002-4e1a-9c55-5e771e000002";
// 2 × 1,000.00 at 15% GST with a 30% deposit: deposit 600.00 + 90.00 GST, balance 1,400.00 + 210.00 GST.
const DEPOSIT_TOTAL = 69_000;
const BALANCE_TOTAL = 161_000;
const FIRST_REPEAT = "2027-03-01";

let server: TestServer;
let browser: Browser;
let opportunityId = "";
let fitOutLineId = "";
let retainerLineId = "";

// Sign-ins are rate limited (10 a minute), so each person signs in once and every test opens a page in it.
const sessions = new Map<string, BrowserContext>();

async function newSignedInPage(who: { email: string; password: string }): Promise<Page> {
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

function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `/tmp/xero-${name}.png`, fullPage: true });
}

async function openOpportunity(page: Page): Promise<void> {
  await page.goto(`${server.url}/opportunities/${opportunityId}`);
  await page.getByTestId("line-row").first().waitFor();
}

const pill = (page: Page, lineId: string): Locator =>
  page.locator(`[data-testid="line-row"][data-line-id="${lineId}"]`).getByTestId("status-pill");
const xeroCard = (page: Page, portion: string): Locator =>
  page.locator(`[data-testid="invoice-card"][data-provider="xero"][data-portion="${portion}"]`).first();

/** The sandbox console's JSON API, as a Xero user would act in Xero's own web app. */
async function sandbox<T>(path: string, body?: unknown): Promise<T> {
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
async function consent(
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

async function chooseMenu(page: Page, menu: string, item: string): Promise<void> {
  await page.getByTestId(menu).click();
  await page.getByTestId(item).click();
}

/** Actions → Send Invoice with the portion's pre-selection, approved in Xero without an email. */
async function sendInvoice(page: Page, portion: "deposit" | "balance", total: number): Promise<void> {
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
async function syncUntilPaid(page: Page, portion: string): Promise<void> {
  await chooseMenu(page, "xero-actions", "sync-xero-invoices");
  await expect.poll(() => xeroCard(page, portion).getAttribute("data-status"), { timeout: 20_000 }).toBe("PAID");
}

async function payInSandbox(page: Page, portion: string): Promise<void> {
  const xeroId = await xeroCard(page, portion).getAttribute("data-xero-invoice-id");
  expect(xeroId).toBeTruthy();
  await sandbox(`/orgs/${NZ_TENANT}/payments`, { InvoiceID: xeroId, AccountCode: "090" });
}

/** Actions → Send Invoice for a free-form line only (the recurring line unticked), saved as a draft. */
async function draftFreeLine(page: Page, name: string, price: string): Promise<Locator> {
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
async function prepare(admin: Page): Promise<void> {
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

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const admin = await newSignedInPage(server.demo.admin);
  await prepare(admin);
  await admin.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("Xero invoicing", () => {
  it("connects the sandbox organisation and saves the invoice defaults, naming a bad field beside it", async () => {
    const page = await newSignedInPage(server.demo.admin);
    await page.getByTestId("nav-integrations").click();
    expect(await page.getByTestId("xero-connection-status").textContent()).toBe("Not connected");
    await shot(page, "integrations-disconnected");
    await consent(page, "connect-xero");
    expect(await page.getByTestId("xero-tenant-name").textContent()).toBe("Demo Company (NZ)");
    expect(await page.getByTestId("xero-connection-status").textContent()).toBe("Connected");

    const account = page.getByTestId("xero-default-account");
    await expect.poll(() => account.locator("option").count()).toBeGreaterThan(1);
    await account.selectOption("200");
    await page.getByTestId("add-tax-mapping").click();
    await page.getByTestId("tax-mapping-rate").fill("150");
    await page.getByTestId("tax-mapping-type").selectOption("OUTPUT2");
    await page.getByTestId("save-xero-defaults").click();
    const row = page.getByTestId("tax-mapping-row");
    await row.getByTestId("field-error").waitFor();
    expect(await row.getByTestId("field-error").textContent()).toContain("at most 100");
    await shot(page, "integrations-field-error");

    await page.getByTestId("tax-mapping-rate").fill("15");
    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/integrations/xero") && r.request().method() === "PATCH",
    );
    await page.getByTestId("save-xero-defaults").click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId("toast").getByText("Xero defaults saved").waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId("xero-default-account").inputValue()).toBe("200");
    expect(await page.getByTestId("tax-mapping-type").inputValue()).toBe("OUTPUT2");
    await shot(page, "integrations-connected");
    await page.close();
  });

  it("links a new Xero contact and sends a deposit invoice instead of a native one", async () => {
    const page = await newSignedInPage(server.demo.editor);
    await openOpportunity(page);
    const section = page.getByTestId("invoices-section");
    await section.getByTestId("xero-actions").waitFor();
    expect(await page.getByTestId("new-invoice").count()).toBe(0);
    await section.getByTestId("no-xero-contact").waitFor();
    await shot(page, "needs-contact");

    await chooseMenu(page, "add-xero-contact", "new-xero-contact");
    await section.getByTestId("no-xero-contact").waitFor({ state: "detached" });
    expect(await page.getByTestId("add-xero-contact").count()).toBe(0);
    const contacts = await sandbox<{ contacts: { Name: string; EmailAddress?: string }[] }>(`/orgs/${NZ_TENANT}`);
    expect(contacts.contacts.find((c) => c.Name === "Kowhai Interiors")?.EmailAddress).toBe("accounts@kowhai.test");

    await sendInvoice(page, "deposit", DEPOSIT_TOTAL);
    await expect.poll(() => pill(page, fitOutLineId).textContent()).toBe("Deposit Invoiced");
    const deposit = xeroCard(page, "deposit");
    expect(await deposit.getByTestId("invoice-mark-paid").textContent()).toBe("Mark as Paid");
    expect(await deposit.getByTestId("invoice-send-xero").textContent()).toBe("Send Invoice");
    expect(await deposit.getByTestId("xero-total-differs").count()).toBe(0);
    await shot(page, "deposit-sent");
    await page.close();
  });

  it("links another company to an existing Xero contact found by email", async () => {
    const page = await newSignedInPage(server.demo.editor);
    const list = await apiInPage<{ data: { id: string; name: string }[] }>(page, "GET", "/opportunities?limit=100");
    const harbour = list.json.data.find((o) => o.name.includes("Harbour Dental"));
    expect(harbour).toBeDefined();
    await page.goto(`${server.url}/opportunities/${harbour?.id}`);
    await chooseMenu(page, "add-xero-contact", "link-existing-contact");
    const dialog = page.getByTestId("link-contact-dialog");
    await dialog.getByTestId("no-xero-contacts").waitFor();
    await dialog.getByTestId("xero-contact-search").fill("bob@bayside");
    const result = dialog.getByTestId("xero-contact-result");
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.textContent()).toContain("Bayside Club");
    await shot(page, "link-existing");
    await result.getByTestId("link-xero-contact").click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("invoices-section").getByTestId("no-xero-contact").waitFor({ state: "detached" });
    expect(await page.getByTestId("add-xero-contact").count()).toBe(0);
    await page.close();
  });

  it("follows a payment made in Xero on sync, then bills the balance and marks it paid: Deposit Invoiced → Invoiced → Paid", async () => {
    const page = await newSignedInPage(server.demo.editor);
    await openOpportunity(page);
    await payInSandbox(page, "deposit");
    await syncUntilPaid(page, "deposit");
    const deposit = xeroCard(page, "deposit");
    expect(await deposit.getByTestId("invoice-due").textContent()).toBe("NZ$0.00");
    expect(await deposit.getByTestId("invoice-mark-paid").count()).toBe(0);
    // A paid deposit proposes nothing beyond Deposit Invoiced: the ladder waits for the balance.
    expect(await pill(page, fitOutLineId).textContent()).toBe("Deposit Invoiced");
    await shot(page, "deposit-paid");

    await sendInvoice(page, "balance", BALANCE_TOTAL);
    await expect.poll(() => pill(page, fitOutLineId).textContent()).toBe("Invoiced");

    const balance = xeroCard(page, "balance");
    await balance.getByTestId("invoice-mark-paid").click();
    const dialog = page.getByTestId("xero-payment-dialog");
    expect(await dialog.getByTestId("record-xero-payment").textContent()).toBe("Record NZ$1,610.00");
    const banks = dialog.getByTestId("xero-bank-account");
    await expect.poll(() => banks.locator("option:checked").textContent()).toContain("Business Bank Account");
    expect(await dialog.getByTestId("xero-paid-on").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await shot(page, "mark-paid");
    await dialog.getByTestId("record-xero-payment").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => balance.getAttribute("data-status"), { timeout: 10_000 }).toBe("PAID");
    const payments = await sandbox<{ payments: { Invoice: { InvoiceID: string }; Amount: number }[] }>(
      `/orgs/${NZ_TENANT}`,
    );
    const balanceId = await balance.getAttribute("data-xero-invoice-id");
    expect(payments.payments.find((p) => p.Invoice.InvoiceID === balanceId)?.Amount).toBe(1610);
    // The server queues a sync after the payment; the line follows without pressing Sync Invoices.
    await expect.poll(() => pill(page, fitOutLineId).textContent(), { timeout: 20_000 }).toBe("Paid");
    await shot(page, "balance-paid");
    await page.close();
  });

  it("shows the refusal when Xero's invoice can no longer take a payment, and the void after sync", async () => {
    const page = await newSignedInPage(server.demo.editor);
    await openOpportunity(page);
    await chooseMenu(page, "xero-actions", "send-xero-invoice");
    const dialog = page.getByTestId("send-xero-invoice-dialog");
    const care = dialog.locator(`[data-testid="invoice-line-option"][data-line-id="${retainerLineId}"] input`);
    await expect.poll(() => care.isEnabled()).toBe(true);
    await care.uncheck();
    await dialog.getByTestId("add-free-line").click();
    await dialog.getByTestId("free-line-name").fill("Site visit");
    await dialog.getByTestId("free-line-price").fill("120");
    await expect.poll(() => dialog.getByTestId("preview-total").getAttribute("data-amount")).toBe("12000");
    await dialog.getByTestId("submit-xero-invoice").click();
    await dialog.waitFor({ state: "detached" });
    const card = xeroCard(page, "full");
    await expect.poll(() => card.getAttribute("data-status")).toBe("AUTHORISED");

    // Voided in Xero behind Settle's back: Settle still offers Mark as Paid until it syncs.
    await sandbox(`/orgs/${NZ_TENANT}/invoices/${await card.getAttribute("data-xero-invoice-id")}`, {
      Status: "VOIDED",
    });
    await card.getByTestId("invoice-mark-paid").click();
    const pay = page.getByTestId("xero-payment-dialog");
    await expect.poll(() => pay.getByTestId("record-xero-payment").isEnabled()).toBe(true);
    await pay.getByTestId("record-xero-payment").click();
    const message = pay.getByTestId("error-message");
    await message.waitFor();
    expect(await message.textContent()).not.toBe("Failed to record payment.");
    expect(await message.textContent()).toMatch(/nothing left to pay|Authorised documents|outstanding/);
    await shot(page, "payment-refused");
    await pay.getByRole("button", { name: "Cancel" }).click();

    await chooseMenu(page, "xero-actions", "sync-xero-invoices");
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 20_000 }).toBe("VOIDED");
    expect(await card.getByTestId("invoice-actions").count()).toBe(0);
    await page.close();
  });

  it("edits, approves and has Xero email a draft, and deletes another, each in Xero first", async () => {
    const page = await newSignedInPage(server.demo.editor);
    await openOpportunity(page);
    const card = await draftFreeLine(page, "Design review", "300");
    const id = await card.getAttribute("data-invoice-id");
    const byId = page.locator(`[data-testid="invoice-card"][data-invoice-id="${id}"]`);
    expect(await byId.getByTestId("invoice-mark-paid").count()).toBe(0);
    expect(await byId.getByTestId("invoice-send-xero").count()).toBe(0);
    await byId.getByTestId("invoice-approve").waitFor();

    await byId.getByTestId("invoice-edit").click();
    const edit = page.getByTestId("edit-invoice-dialog");
    await edit.getByLabel("Reference").fill("PO-4471");
    const statuses = await edit.getByTestId("invoice-status-select").locator("option").allTextContents();
    expect(statuses).toEqual(["Draft", "Awaiting approval", "Awaiting payment", "Deleted"]);
    await edit.getByTestId("save-invoice").click();
    await edit.waitFor({ state: "detached" });
    await expect.poll(() => byId.textContent()).toContain("Ref PO-4471");
    const xeroId = await byId.getAttribute("data-xero-invoice-id");
    const inXero = async () =>
      (
        await sandbox<{
          invoices: { InvoiceID: string; Reference?: string; Status: string; SentToContact?: boolean }[];
        }>(`/orgs/${NZ_TENANT}`)
      ).invoices.find((i) => i.InvoiceID === xeroId);
    expect((await inXero())?.Reference).toContain("PO-4471");

    await byId.getByTestId("invoice-approve").click();
    await expect.poll(() => byId.getAttribute("data-status")).toBe("AUTHORISED");
    expect((await inXero())?.Status).toBe("AUTHORISED");
    await byId.getByTestId("invoice-send-xero").click();
    await page
      .getByTestId("toast")
      .getByText(/Xero is emailing INV-/)
      .waitFor();
    await expect.poll(async () => (await inXero())?.SentToContact).toBe(true);
    await shot(page, "draft-approved-sent");

    const other = await draftFreeLine(page, "Spare parts", "40");
    const otherId = await other.getAttribute("data-invoice-id");
    const second = page.locator(`[data-testid="invoice-card"][data-invoice-id="${otherId}"]`);
    await second.getByTestId("invoice-delete").click();
    await page.getByTestId("confirm-dialog").getByText("It is deleted in Xero too.").waitFor();
    await page.getByTestId("confirm-button").click();
    await expect.poll(() => second.getAttribute("data-status")).toBe("DELETED");
    expect(await second.getByTestId("invoice-actions").count()).toBe(0);
    const secondXeroId = await second.getAttribute("data-xero-invoice-id");
    const deleted = (await sandbox<{ invoices: { InvoiceID: string; Status: string }[] }>(`/orgs/${NZ_TENANT}`))
      .invoices;
    expect(deleted.find((i) => i.InvoiceID === secondXeroId)?.Status).toBe("DELETED");
    await page.close();
  });

  it("creates a repeating invoice for the recurring line without auto-email and shows its schedule", async () => {
    const page = await newSignedInPage(server.demo.editor);
    await openOpportunity(page);
    await chooseMenu(page, "xero-actions", "send-xero-invoice");
    const dialog = page.getByTestId("send-xero-invoice-dialog");
    await dialog.getByTestId("portion-picker").getByText("Ongoing", { exact: true }).click();
    await dialog.getByTestId("repeating-fields").waitFor();
    const retainer = dialog.locator(`[data-testid="invoice-line-option"][data-line-id="${retainerLineId}"] input`);
    await expect.poll(() => retainer.isChecked()).toBe(true);
    expect(
      await dialog.locator(`[data-testid="invoice-line-option"][data-line-id="${fitOutLineId}"] input`).isChecked(),
    ).toBe(false);
    await expect.poll(() => dialog.getByTestId("preview-total").getAttribute("data-amount")).toBe("28750");

    await dialog.getByTestId("schedule-every").fill("2");
    await dialog.getByTestId("schedule-unit").selectOption("week");
    await dialog.getByTestId("schedule-start").fill(FIRST_REPEAT);
    await expect
      .poll(() => dialog.getByTestId("schedule-sentence").textContent())
      .toBe("First invoice on 1 Mar 2027, then every 2 weeks");
    expect(await dialog.getByTestId("schedule-due-sentence").textContent()).toBe(
      "Each invoice is due 14 days after its date.",
    );
    await dialog.getByTestId("approval-approve").check();
    await shot(page, "repeating-form");
    await dialog.getByTestId("submit-xero-invoice").click();
    await dialog.waitFor({ state: "detached" });

    const schedule = page.getByTestId("repeating-invoice").first();
    await schedule.waitFor();
    expect(await schedule.getByTestId("repeating-summary").textContent()).toBe(
      "First invoice on 1 Mar 2027, then every 2 weeks",
    );
    expect(await schedule.textContent()).toContain("Approved, not emailed");
    const org = await sandbox<{
      repeatingInvoices: { Status: string; ApprovedForSending?: boolean; Schedule: { Period: number; Unit: string } }[];
    }>(`/orgs/${NZ_TENANT}`);
    const template = org.repeatingInvoices.find((r) => r.Status === "AUTHORISED");
    expect(template?.ApprovedForSending).toBe(false);
    expect(template?.Schedule).toMatchObject({ Period: 2, Unit: "WEEKLY" });
    await shot(page, "repeating-created");
    await page.close();
  });

  it("says when Xero must be reconnected, links there, and reconnects", async () => {
    await sandbox(`/orgs/${NZ_TENANT}/revoke-connection`, {});
    const page = await newSignedInPage(server.demo.admin);
    await openOpportunity(page);
    await chooseMenu(page, "xero-actions", "send-xero-invoice");
    const dialog = page.getByTestId("send-xero-invoice-dialog");
    const link = dialog.getByTestId("reconnect-xero-link");
    await link.waitFor({ timeout: 15_000 });
    await shot(page, "reconnect-error");
    await link.click();
    await page.waitForURL(/\/settings\/integrations$/);
    const notice = page.getByTestId("xero-needs-reconnect");
    await notice.waitFor();
    expect(await page.getByTestId("xero-connection-status").textContent()).toBe("Needs reconnecting");
    await shot(page, "needs-reconnect");
    await consent(page, "reconnect-xero");
    await expect.poll(() => page.getByTestId("xero-connection-status").textContent()).toBe("Connected");
    expect(await page.getByTestId("xero-needs-reconnect").count()).toBe(0);
    await page.close();
  });

  it("brings native invoicing back when Xero is disconnected", async () => {
    const page = await newSignedInPage(server.demo.admin);
    await page.goto(`${server.url}/settings/integrations`);
    await page.getByTestId("disconnect-xero").click();
    await page.getByTestId("confirm-button").click();
    await expect.poll(() => page.getByTestId("xero-connection-status").textContent()).toBe("Not connected");
    await page.getByTestId("connect-xero").waitFor();
    await openOpportunity(page);
    await page.getByTestId("new-invoice").waitFor();
    expect(await page.getByTestId("xero-actions").count()).toBe(0);
    // The Xero invoices stay on the opportunity.
    await expect.poll(() => page.locator('[data-testid="invoice-card"][data-provider="xero"]').count()).toBe(5);
    await page.close();
  });

  it("asks which organisation to use when the consent covered several", async () => {
    const page = await newSignedInPage(server.demo.admin);
    await page.goto(`${server.url}/settings/integrations`);
    await consent(page, "connect-xero", [NZ_TENANT, AU_TENANT], "choose");
    const chooser = page.getByTestId("xero-tenant-chooser");
    // The banner shows at once; the organisations arrive with the connection status just after it.
    await expect.poll(() => chooser.getByTestId("xero-tenant-option").count()).toBe(2);
    await shot(page, "choose-organisation");
    await chooser.getByLabel("Demo Company (NZ)").check();
    await chooser.getByTestId("choose-tenant").click();
    await expect.poll(() => page.getByTestId("xero-connection-status").textContent()).toBe("Connected");
    expect(await page.getByTestId("xero-tenant-name").textContent()).toBe("Demo Company (NZ)");
    expect(await page.getByTestId("xero-tenant-chooser").count()).toBe(0);
    expect(await page.getByTestId("xero-consent-banner").count()).toBe(0);
    await page.close();
  });
});
