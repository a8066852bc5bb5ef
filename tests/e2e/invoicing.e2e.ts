import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMemberWithRole, apiInPage, launch, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const NO_INVOICES = { email: "crm-only@example.test", password: "a-long-test-password-2" };
// 2 × 1,000.00 at 15% tax with a 30% deposit: deposit 600.00 + 90.00 tax, balance 1,400.00 + 210.00 tax.
const LINE_TOTAL_INCL_TAX = 230_000;

let server: TestServer;
let browser: Browser;
let opportunityId = "";
let lineId = "";

async function newSignedInPage(who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.url, who);
  return page;
}

function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `/tmp/inv-${name}.png`, fullPage: true });
}

async function openOpportunity(page: Page): Promise<void> {
  await page.goto(`${server.url}/opportunities/${opportunityId}`);
  await page.getByTestId("line-row").first().waitFor();
}

const pill = (page: Page): Locator =>
  page.locator(`[data-testid="line-row"][data-line-id="${lineId}"]`).getByTestId("status-pill");
const card = (page: Page, portion: string): Locator =>
  page.locator(`[data-testid="invoice-card"][data-portion="${portion}"]`).first();

async function raise(page: Page, portion: "deposit" | "balance"): Promise<void> {
  await page.getByTestId("new-invoice").click();
  const dialog = page.getByTestId("new-invoice-dialog");
  await dialog.getByText(portion === "deposit" ? "Deposit" : "Balance", { exact: true }).click();
  const check = dialog.locator(`[data-testid="invoice-line-option"][data-line-id="${lineId}"] input`);
  await expect.poll(() => check.isChecked()).toBe(true);
  await expect.poll(() => dialog.getByTestId("preview-total").getAttribute("data-amount")).not.toBe("");
  await shot(page, `new-${portion}`);
  await dialog.getByTestId("create-invoice").click();
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => card(page, portion).getAttribute("data-status")).toBe("DRAFT");
}

async function send(page: Page, portion: string): Promise<void> {
  await card(page, portion).getByTestId("invoice-send").click();
  await expect.poll(() => card(page, portion).getAttribute("data-status")).toBe("AUTHORISED");
  expect(await card(page, portion).getByTestId("invoice-status").textContent()).toBe("Awaiting payment");
}

async function markPaid(page: Page, portion: string): Promise<void> {
  await card(page, portion).getByTestId("invoice-mark-paid").click();
  const dialog = page.getByTestId("mark-paid-dialog");
  expect(await dialog.getByTestId("record-payment").textContent()).toMatch(/^Record \$[\d,]+\.\d\d$/);
  await shot(page, `pay-${portion}`);
  await dialog.getByTestId("record-payment").click();
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => card(page, portion).getAttribute("data-status")).toBe("PAID");
}

/** As the admin: a product with a 30% deposit on a fresh opportunity, and a member whose role has no invoices scopes. */
async function prepare(admin: Page): Promise<void> {
  const company = await apiInPage<{ id: string }>(admin, "POST", "/companies", { name: "Invoicing Ltd" });
  const product = await apiInPage<{ id: string }>(admin, "POST", "/products", {
    name: "Fit-out",
    unit_amount: 100_000,
    currency: "USD",
    deposit_percent: 30,
    tax_rate: 15,
  });
  expect(product.status).toBe(201);
  const opp = await apiInPage<{ id: string }>(admin, "POST", "/opportunities", {
    name: "Office fit-out",
    company_id: company.json.id,
    currency: "USD",
  });
  expect(opp.status).toBe(201);
  opportunityId = opp.json.id;
  const line = await apiInPage<{ id: string }>(admin, "POST", `/opportunities/${opportunityId}/products`, {
    product_id: product.json.id,
    quantity: 2,
  });
  expect(line.status).toBe(201);
  lineId = line.json.id;
  await addMemberWithRole(admin, server.url, {
    roleName: "CRM only",
    scopes: ["opportunities:read", "opportunities:write", "products:read", "companies:read"],
    ...NO_INVOICES,
    name: "Cleo",
  });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const admin = await newSignedInPage(server.demo.admin);
  await prepare(admin);
  await admin.context().close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("native invoicing", () => {
  it("takes a line from deposit to balance to paid, and the totals add up", async () => {
    const page = await newSignedInPage(server.demo.editor);
    await openOpportunity(page);
    await page.getByTestId("invoices-section").getByTestId("empty-state").waitFor();

    await raise(page, "deposit");
    await shot(page, "draft");
    await send(page, "deposit");
    await expect.poll(() => pill(page).textContent()).toBe("Deposit Invoiced");

    await raise(page, "balance");
    await send(page, "balance");
    await expect.poll(() => pill(page).textContent()).toBe("Invoiced");
    await shot(page, "sent");

    await markPaid(page, "balance");
    await markPaid(page, "deposit");
    await expect.poll(() => pill(page).textContent()).toBe("Paid");

    const deposit = Number(await card(page, "deposit").getAttribute("data-total-amount"));
    const balance = Number(await card(page, "balance").getAttribute("data-total-amount"));
    expect(deposit).toBe(69_000);
    expect(deposit + balance).toBe(LINE_TOTAL_INCL_TAX);
    expect(await card(page, "deposit").getByTestId("invoice-total").textContent()).toBe("$690.00");
    expect(await card(page, "balance").getByTestId("invoice-due").textContent()).toBe("$0.00");
    const summary = page.getByTestId("invoice-summary");
    await expect
      .poll(() => summary.getByTestId("summary-paid").getAttribute("data-amount"), { timeout: 10_000 })
      .toBe(String(LINE_TOTAL_INCL_TAX));
    expect(await summary.getByTestId("summary-invoiced").getAttribute("data-amount")).toBe(String(LINE_TOTAL_INCL_TAX));
    expect(await summary.getByTestId("summary-outstanding").textContent()).toBe("$0.00");
    expect(await card(page, "deposit").getByTestId("invoice-actions").count()).toBe(0);
    await shot(page, "paid");
    await page.context().close();
  });

  it("asks to confirm billing a line again, takes free lines, and voids with a correction hint", async () => {
    const page = await newSignedInPage(server.demo.editor);
    await openOpportunity(page);
    await page.getByTestId("new-invoice").click();
    const dialog = page.getByTestId("new-invoice-dialog");
    await dialog.getByText("Full", { exact: true }).click();
    const option = dialog.locator(`[data-testid="invoice-line-option"][data-line-id="${lineId}"]`);
    await expect.poll(() => option.getByTestId("invoice-line-check").isEnabled()).toBe(true);
    expect(await option.getByTestId("invoice-line-check").isChecked()).toBe(false);
    await option.getByTestId("invoice-line-check").check();
    await dialog.getByTestId("double-billing-warning").waitFor();
    await expect.poll(() => dialog.getByTestId("preview-total").getAttribute("data-amount")).toBe("230000");
    expect(await dialog.getByTestId("create-invoice").isDisabled()).toBe(true);
    await dialog.getByTestId("confirm-double-billing").check();
    await dialog.getByTestId("add-free-line").click();
    await dialog.getByTestId("free-line-name").fill("Travel");
    await dialog.getByTestId("free-line-price").fill("50");
    await expect.poll(() => dialog.getByTestId("preview-total").getAttribute("data-amount")).toBe("235000");
    await shot(page, "double-billing");
    await dialog.getByTestId("create-invoice").click();
    await dialog.waitFor({ state: "detached" });

    const full = card(page, "full");
    await expect.poll(() => full.getAttribute("data-total-amount")).toBe("235000");
    await full.getByTestId("invoice-edit").click();
    const edit = page.getByTestId("edit-invoice-dialog");
    await edit.getByLabel("Reference").fill("PO-77");
    await edit.getByTestId("save-invoice").click();
    await edit.waitFor({ state: "detached" });
    await expect.poll(() => full.textContent()).toContain("Ref PO-77");

    await full.getByTestId("invoice-void").click();
    await page.getByTestId("confirm-button").click();
    await expect.poll(() => full.getAttribute("data-status")).toBe("VOIDED");
    await full.getByTestId("void-hint").waitFor();
    expect(await full.getByTestId("invoice-actions").count()).toBe(0);
    await full.getByTestId("void-fix-line").click();
    await page.getByTestId("edit-line-dialog").getByTestId("payment-status-select").waitFor();
    await shot(page, "voided");
    await page.context().close();
  });

  it("shows a Viewer the Invoices section without New invoice or actions", async () => {
    const page = await newSignedInPage(server.demo.viewer);
    await openOpportunity(page);
    const section = page.getByTestId("invoices-section");
    await section.getByTestId("invoice-card").first().waitFor();
    expect(await section.getByTestId("invoice-card").count()).toBe(3);
    expect(await page.getByTestId("new-invoice").count()).toBe(0);
    expect(await page.getByTestId("invoice-actions").count()).toBe(0);
    expect(await page.getByTestId("edit-opportunity").count()).toBe(0);
    expect(await page.getByTestId("nav-invoicing").count()).toBe(0);
    await shot(page, "viewer");
    await page.context().close();
  });

  it("shows a role without invoices scopes no Invoices section and no totals", async () => {
    const page = await newSignedInPage(NO_INVOICES);
    await openOpportunity(page);
    await page.getByTestId("products-card").waitFor();
    expect(await page.getByTestId("invoices-section").count()).toBe(0);
    expect(await page.getByTestId("invoice-summary").count()).toBe(0);
    expect(await page.getByTestId("status-pill").count()).toBe(0);
    await page.context().close();
  });

  it("lets an admin edit the opportunity and shows why an invoiced one cannot be deleted", async () => {
    const page = await newSignedInPage(server.demo.admin);
    await openOpportunity(page);
    await page.getByTestId("edit-opportunity").click();
    const dialog = page.getByTestId("edit-opportunity-dialog");
    await dialog.getByLabel("Name").fill("Office fit-out (phase 1)");
    await dialog.getByTestId("opportunity-status-select").selectOption("won");
    await dialog.getByTestId("save-opportunity").click();
    await expect.poll(() => page.getByTestId("opportunity-name").textContent()).toBe("Office fit-out (phase 1)");
    expect(await page.getByTestId("opportunity-status").textContent()).toBe("Won");

    await page.getByTestId("delete-opportunity").click();
    await page.getByTestId("confirm-button").click();
    const confirm = page.getByTestId("confirm-dialog");
    await confirm.getByTestId("error-banner").waitFor();
    expect(await confirm.getByTestId("error-message").textContent()).toContain("has invoices");
    expect(await confirm.getByTestId("error-fix").textContent()).toContain("Set its status to lost");
    await shot(page, "delete-refused");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await page.context().close();
  });

  it("lets an admin change invoicing settings and see failed jobs", async () => {
    const page = await newSignedInPage(server.demo.admin);
    await page.getByTestId("nav-invoicing").click();
    const prefix = page.getByTestId("number-prefix");
    await expect.poll(() => prefix.inputValue()).toBe("INV-");
    await prefix.fill("ACME-");
    await page.getByTestId("default-deposit").fill("25");
    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/settings/invoicing") && r.request().method() === "PATCH",
    );
    await page.getByTestId("save-invoicing").click();
    expect((await saved).status()).toBe(200);
    await page.getByText("The next invoice will be ACME-").waitFor();
    await shot(page, "settings-invoicing");
    await page.reload();
    await expect.poll(() => page.getByTestId("default-deposit").inputValue()).toBe("25");

    await page.getByTestId("nav-jobs").click();
    await page.getByRole("heading", { name: "Jobs", exact: true }).waitFor();
    await page.locator('[data-testid="empty-state"], [data-testid="jobs-table"]').first().waitFor();
    await shot(page, "settings-jobs");
    await page.context().close();
  });
});
