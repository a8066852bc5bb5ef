import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMemberWithRole, apiInPage, launch, screenshot, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

type Line = { id: string; product_name: string; payment_status?: string };
type Opp = { id: string };

const NO_INVOICES = { email: "sales@example.test", password: "a-long-test-password-1" };

let server: TestServer;
let browser: Browser;
let opportunityId = "";

async function newSignedInPage(who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, server.url, who);
  return page;
}

async function openOpportunity(page: Page): Promise<void> {
  await page.goto(`${server.url}/opportunities/${opportunityId}`);
  await page.getByTestId("line-row").first().waitFor();
}

/** As the admin: an opportunity with three lines (Deposit Invoiced, Paid, Unpaid) and a member without invoice scopes. */
async function prepare(admin: Page): Promise<void> {
  const company = await apiInPage<{ id: string }>(admin, "POST", "/companies", { name: "Acme Pty" });
  expect(company.status).toBe(201);
  const opp = await apiInPage<Opp>(admin, "POST", "/opportunities", {
    name: "Website rebuild",
    company_id: company.json.id,
    currency: "USD",
  });
  expect(opp.status).toBe(201);
  opportunityId = opp.json.id;
  const statuses = ["deposit_invoiced", "paid", "unpaid"];
  for (const [i, status] of statuses.entries()) {
    const product = await apiInPage<{ id: string }>(admin, "POST", "/products", {
      name: `Service ${i + 1}`,
      unit_amount: 150_000 + i * 25_000,
      currency: "USD",
    });
    expect(product.status).toBe(201);
    const line = await apiInPage<Line>(admin, "POST", `/opportunities/${opportunityId}/products`, {
      product_id: product.json.id,
      quantity: i + 1,
    });
    expect(line.status).toBe(201);
    if (status !== "unpaid") {
      const patched = await apiInPage(admin, "PATCH", `/opportunities/${opportunityId}/products/${line.json.id}`, {
        payment_status: status,
      });
      expect(patched.status).toBe(200);
    }
  }
  await addMemberWithRole(admin, server.url, {
    roleName: "Sales (no invoices)",
    scopes: ["opportunities:read", "opportunities:write", "products:read", "companies:read", "contacts:read"],
    ...NO_INVOICES,
    name: "Sam Sales",
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

describe("per-line payment status", () => {
  it("shows a Viewer the pills and a read-only status, never the select", async () => {
    const page = await newSignedInPage(server.demo.viewer);
    await openOpportunity(page);
    expect(await page.getByTestId("status-pill").allTextContents()).toEqual(["Deposit Invoiced", "Paid"]);
    expect(await page.getByTestId("line-row").count()).toBe(3);
    await screenshot(page, "viewer-lines");
    await page.getByTestId("edit-line").first().click();
    const dialog = page.getByTestId("edit-line-dialog");
    await dialog.getByTestId("payment-section").waitFor();
    expect(await dialog.getByTestId("payment-status-select").count()).toBe(0);
    expect(await dialog.getByTestId("payment-status-text").isVisible()).toBe(true);
    await page.context().close();
  });

  it("shows a role without invoice scopes no pills and no payment section", async () => {
    const page = await newSignedInPage(NO_INVOICES);
    await openOpportunity(page);
    expect(await page.getByTestId("status-pill").count()).toBe(0);
    expect(await page.getByTestId("history-toggle").count()).toBe(0);
    await page.getByTestId("edit-line").first().click();
    const dialog = page.getByTestId("edit-line-dialog");
    await dialog.getByTestId("save-line").waitFor();
    expect(await dialog.getByTestId("payment-section").count()).toBe(0);
    await screenshot(page, "no-invoices-dialog");
    await page.context().close();
  });

  it("lets an Editor change a status and the pill follows", async () => {
    const page = await newSignedInPage(server.demo.editor);
    await openOpportunity(page);
    const row = page.getByTestId("line-row").first();
    const lineId = (await row.getAttribute("data-line-id")) ?? "";
    const rowById = page.locator(`[data-testid="line-row"][data-line-id="${lineId}"]`);
    const current = await rowById
      .getByTestId("status-pill")
      .textContent()
      .catch(() => null);
    const target = current === "Paid" ? { value: "invoiced", label: "Invoiced" } : { value: "paid", label: "Paid" };

    await rowById.getByTestId("edit-line").click();
    const dialog = page.getByTestId("edit-line-dialog");
    const select = dialog.getByTestId("payment-status-select");
    const saved = page.waitForResponse(
      (r) => r.url().includes(`/products/${lineId}`) && r.request().method() === "PATCH",
    );
    await select.selectOption(target.value);
    expect((await saved).status()).toBe(200);
    await expect.poll(() => dialog.getByTestId("payment-save-state").textContent()).toBe("Saved");
    await screenshot(page, "editor-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => rowById.getByTestId("status-pill").textContent()).toBe(target.label);

    await rowById.getByTestId("edit-line").click();
    const saveUnpaid = page.waitForResponse(
      (r) => r.url().includes(`/products/${lineId}`) && r.request().method() === "PATCH",
    );
    await page.getByTestId("payment-status-select").selectOption("unpaid");
    expect((await saveUnpaid).status()).toBe(200);
    await page.getByTestId("edit-line-dialog").getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => rowById.getByTestId("status-pill").count()).toBe(0);

    await rowById.getByTestId("history-toggle").click();
    await page.getByTestId("payment-history").waitFor();
    expect(await page.getByTestId("payment-history").locator("li").count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, "editor-lines");
    await page.context().close();
  });
});
