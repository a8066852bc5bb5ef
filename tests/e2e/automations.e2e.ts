import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiInPage, launch, screenshot, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;
let opportunityId = "";
let invoiceNumber = "";

async function newSignedInPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.url, server.demo.admin);
  return page;
}

/** A company with a contact (with an email) as the opportunity's primary contact, and an approved invoice. */
async function prepare(admin: Page): Promise<void> {
  const company = await apiInPage<{ id: string }>(admin, "POST", "/companies", { name: "Harbour Dental" });
  const contact = await apiInPage<{ id: string }>(admin, "POST", "/contacts", {
    name: "Mia Chen",
    email: "mia@harbour.example",
    company_id: company.json.id,
  });
  const product = await apiInPage<{ id: string }>(admin, "POST", "/products", {
    name: "Website build",
    unit_amount: 240_000,
    currency: "USD",
  });
  const opp = await apiInPage<{ id: string }>(admin, "POST", "/opportunities", {
    name: "Website rebuild",
    company_id: company.json.id,
    primary_contact_id: contact.json.id,
    currency: "USD",
    stage: "proposal",
  });
  expect(opp.status).toBe(201);
  opportunityId = opp.json.id;
  await apiInPage(admin, "POST", `/opportunities/${opportunityId}/products`, { product_id: product.json.id });
  const invoice = await apiInPage<{ id: string; number: string }>(
    admin,
    "POST",
    `/opportunities/${opportunityId}/invoices`,
    { portion: "full" },
  );
  expect(invoice.status).toBe(201);
  invoiceNumber = invoice.json.number;
  expect((await apiInPage(admin, "POST", `/invoices/${invoice.json.id}/approve`)).status).toBe(200);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const admin = await newSignedInPage();
  await prepare(admin);
  await admin.context().close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("automations in the web app", () => {
  it("when a payment succeeds, emails the client a thank-you and moves the opportunity to Won", async () => {
    const page = await newSignedInPage();
    await page.getByTestId("nav-automations").click();
    await page.getByTestId("new-automation").click();
    const editor = page.getByTestId("automation-editor");
    await editor.getByLabel("Name").fill("Thank-you on payment");
    expect(await editor.getByTestId("trigger").inputValue()).toBe("payment_succeeded");
    await editor.getByLabel("Email subject").fill("Thank you, {{company.name}}");
    await editor.getByLabel("Email body").fill("We received your payment for {{invoice.number}}. Thank you!");
    await editor.getByTestId("add-action").click();
    await editor.getByLabel("Action 2").selectOption("set_stage");
    await editor.getByLabel("Stage").fill("Won");
    await screenshot(page, "automation-editor");
    await editor.getByTestId("save-automation").click();
    await editor.waitFor({ state: "detached" });
    const row = page.getByTestId("automation-row").filter({ hasText: "Thank-you on payment" });
    await row.waitFor();
    expect(await row.getByTestId("automation-enabled").isChecked()).toBe(true);

    await page.goto(`${server.url}/opportunities/${opportunityId}`);
    const card = page.locator(`[data-testid="invoice-card"][data-number="${invoiceNumber}"]`);
    await card.getByTestId("invoice-mark-paid").click();
    const dialog = page.getByTestId("mark-paid-dialog");
    await dialog.getByTestId("record-payment").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => card.getAttribute("data-status")).toBe("PAID");

    await page.getByTestId("nav-automations").click();
    await page
      .getByTestId("automation-row")
      .filter({ hasText: "Thank-you on payment" })
      .getByTestId("show-runs")
      .click();
    const log = page.getByTestId("run-log");
    await expect
      .poll(
        async () => {
          await log.getByTestId("refresh-runs").click();
          return log.getByTestId("run").first().getAttribute("data-status");
        },
        { timeout: 20_000 },
      )
      .toBe("succeeded");
    const actions = log.getByTestId("run").first().getByTestId("run-action");
    expect(await actions.evaluateAll((items) => items.map((i) => i.getAttribute("data-status")))).toEqual([
      "succeeded",
      "succeeded",
    ]);
    expect(await log.getByTestId("run").first().textContent()).toContain("payment_succeeded");
    await screenshot(page, "automation-run-log");

    await page.getByRole("link", { name: "Outbox" }).click();
    const item = page.getByTestId("outbox-item").filter({ hasText: "Thank you, Harbour Dental" });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    await item.click();
    expect(await page.getByTestId("outbox-to").textContent()).toBe("Mia Chen <mia@harbour.example>");
    expect(await page.getByTestId("outbox-subject").textContent()).toBe("Thank you, Harbour Dental");
    await screenshot(page, "automation-outbox");

    const opportunity = await apiInPage<{ stage: string }>(page, "GET", `/opportunities/${opportunityId}`);
    expect(opportunity.json.stage).toBe("Won");
    await page.goto(`${server.url}/opportunities/${opportunityId}`);
    await expect.poll(() => page.locator("body").textContent()).toContain("Won");

    // An admin replays the event for this automation: a new, numbered run beside the first.
    await page.getByTestId("nav-automations").click();
    await page
      .getByTestId("automation-row")
      .filter({ hasText: "Thank-you on payment" })
      .getByTestId("show-runs")
      .click();
    await log.getByTestId("run").first().getByTestId("replay-run").click();
    await expect
      .poll(
        async () => {
          await log.getByTestId("refresh-runs").click();
          return log.getByTestId("run").count();
        },
        { timeout: 20_000 },
      )
      .toBe(2);
    expect(await log.getByTestId("run").first().textContent()).toContain("replay 1");
  });
});
