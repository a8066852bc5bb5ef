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

/** A company whose name must stay text, its contact with an email as the primary contact, and a DRAFT invoice. */
async function prepare(admin: Page): Promise<void> {
  const company = await apiInPage<{ id: string }>(admin, "POST", "/companies", {
    name: "<script>Harbour</script> Ltd",
  });
  const contact = await apiInPage<{ id: string }>(admin, "POST", "/contacts", {
    name: "Ada Lovelace",
    email: "ada@example.test",
    company_id: company.json.id,
  });
  const product = await apiInPage<{ id: string }>(admin, "POST", "/products", {
    name: "Brand workshop",
    unit_amount: 150_000,
    currency: "USD",
  });
  const opp = await apiInPage<{ id: string }>(admin, "POST", "/opportunities", {
    name: "Rebrand",
    company_id: company.json.id,
    primary_contact_id: contact.json.id,
    currency: "USD",
  });
  expect(opp.status).toBe(201);
  opportunityId = opp.json.id;
  await apiInPage(admin, "POST", `/opportunities/${opportunityId}/products`, {
    product_id: product.json.id,
    quantity: 1,
  });
  const invoice = await apiInPage<{ number: string }>(admin, "POST", `/opportunities/${opportunityId}/invoices`, {
    portion: "full",
    due_date: "2026-12-31",
  });
  expect(invoice.status).toBe(201);
  invoiceNumber = invoice.json.number;
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

describe("invoice email in the web app", () => {
  it("sends the invoice, shows it in the Outbox and its portal link opens the client portal", async () => {
    const page = await newSignedInPage();
    await page.goto(`${server.url}/opportunities/${opportunityId}`);
    const card = page.locator(`[data-testid="invoice-card"][data-number="${invoiceNumber}"]`);
    await card.waitFor();

    await card.getByTestId("invoice-send-email").click();
    const dialog = page.getByTestId("send-invoice-dialog");
    const ada = dialog.getByTestId("send-invoice-contact").first();
    await expect.poll(() => ada.isChecked()).toBe(true);
    await screenshot(page, "mail-send-dialog");
    await dialog.getByTestId("send-invoice-confirm").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => card.getAttribute("data-status")).toBe("AUTHORISED");
    const status = card.getByTestId("invoice-mail-status").first();
    await expect.poll(() => status.getAttribute("data-state"), { timeout: 15_000 }).toBe("sent");
    expect(await status.textContent()).toMatch(/^Sent to ada@example\.test on .+, kept in the Outbox$/);
    expect(await card.getByTestId("invoice-resend-email").textContent()).toBe("Resend");
    await screenshot(page, "mail-card");

    await page.getByRole("link", { name: "Outbox" }).click();
    const item = page.getByTestId("outbox-item").first();
    await item.waitFor();
    expect(await item.textContent()).toContain(`Invoice ${invoiceNumber} from`);
    expect(await page.getByTestId("outbox-to").textContent()).toBe("Ada Lovelace <ada@example.test>");
    const frameElement = page.getByTestId("outbox-frame");
    expect(await frameElement.getAttribute("sandbox")).toBe("allow-popups allow-popups-to-escape-sandbox");
    const frame = page.frameLocator('[data-testid="outbox-frame"]');
    await frame.locator('[data-mail-field="number"]').waitFor();
    expect(await frame.locator('[data-mail-field="number"]').textContent()).toBe(invoiceNumber);
    expect(await frame.locator('[data-mail-field="amount-due"]').textContent()).toBe("$1,500.00");
    expect(await frame.locator("body").textContent()).toContain("Brand workshop");
    await screenshot(page, "mail-outbox");

    const portalLink = frame.locator('a[data-mail-link="portal"]');
    const href = (await portalLink.getAttribute("href")) ?? "";
    expect(href.startsWith(`${server.url}/portal/`)).toBe(true);
    const [portal] = await Promise.all([page.context().waitForEvent("page"), portalLink.click()]);
    await portal.waitForLoadState();
    expect(portal.url().startsWith(`${server.url}/portal`)).toBe(true);
    const row = portal.locator(`[data-testid="portal-invoice"]`).filter({ hasText: invoiceNumber });
    await row.waitFor();
    expect(await row.getByTestId("portal-invoice-due").textContent()).toBe("$1,500.00");
    expect(await portal.getByTestId("portal-company").textContent()).toContain("<script>Harbour</script> Ltd");
    await screenshot(portal, "mail-portal");
  });
});
