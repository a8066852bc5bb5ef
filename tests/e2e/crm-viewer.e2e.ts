import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMemberWithRole, apiInPage, launch, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Every read scope but invoices:read, and no write scope at all.
const CRM_VIEWER = { email: "crm-viewer@example.test", password: "a-long-viewer-password-3" };
const SCOPES = ["opportunities:read", "companies:read", "contacts:read", "products:read", "members:read"];

let server: TestServer;
let browser: Browser;
let admin: Page;
let viewer: Page;

async function newPage(who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.url, who);
  return page;
}

function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `/tmp/crm-viewer-${name}.png`, fullPage: true });
}

/** A company of the demo workspace with invoices raised on its opportunities. */
async function invoicedCompanyId(): Promise<string> {
  const opps = await apiInPage<{ data: { id: string; company_id: string }[] }>(
    admin,
    "GET",
    "/opportunities?limit=100",
  );
  for (const o of opps.json.data) {
    const invoices = await apiInPage<{ data: unknown[] }>(admin, "GET", `/opportunities/${o.id}/invoices`);
    if (invoices.json.data.length > 0) return o.company_id;
  }
  throw new Error("the demo workspace has no invoiced opportunity");
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  admin = await newPage(server.demo.admin);
  await addMemberWithRole(admin, server.url, { roleName: "CRM viewer", scopes: SCOPES, ...CRM_VIEWER, name: "Vic" });
  viewer = await newPage(CRM_VIEWER);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a viewer without invoices:read sees no money by status, invoice or dashboard", () => {
  it("has no Receivables or Payments in the navigation, and the dashboard's address leads home", async () => {
    await viewer.getByTestId("nav-pipeline").waitFor();
    expect(await viewer.getByTestId("nav-receivables").count()).toBe(0);
    expect(await viewer.getByTestId("nav-payments").count()).toBe(0);
    expect(await viewer.getByTestId("nav-import").count()).toBe(0);
    await viewer.goto(`${server.url}/receivables`);
    await viewer.getByTestId("nav-pipeline").waitFor();
    expect(viewer.url()).not.toContain("/receivables");
    expect(await viewer.getByTestId("receivables").count()).toBe(0);
    const report = await apiInPage(viewer, "GET", "/reports/receivables");
    expect(report.status).toBe(403);
  });

  it("sees the board without amounts by payment status and without move controls", async () => {
    // The admin, for contrast, sees a status bar on at least one card.
    await admin.getByTestId("nav-pipeline").click();
    await admin.getByTestId("board-card").first().waitFor();
    await expect.poll(() => admin.getByTestId("status-bar").count()).toBeGreaterThan(0);

    await viewer.getByTestId("nav-pipeline").click();
    await viewer.getByTestId("board-card").first().waitFor();
    expect(await viewer.getByTestId("status-bar").count()).toBe(0);
    expect(await viewer.getByTestId("board-card-handle").count()).toBe(0);
    expect(await viewer.getByTestId("edit-stages").count()).toBe(0);
    expect(await viewer.locator('[data-testid="board-card"][draggable="true"]').count()).toBe(0);
    await shot(viewer, "board");
  });

  it("sees a company's contacts and deals but no invoices, and no write controls", async () => {
    const companyId = await invoicedCompanyId();
    await admin.goto(`${server.url}/companies/${companyId}`);
    await admin.getByTestId("company-invoices").getByTestId("company-invoice-row").first().waitFor();

    await viewer.goto(`${server.url}/companies/${companyId}`);
    await viewer.getByTestId("company-opportunities").waitFor();
    await viewer.getByTestId("contacts-card").waitFor();
    expect(await viewer.getByTestId("company-invoices").count()).toBe(0);
    for (const control of ["edit-company", "archive-company", "delete-company", "new-contact", "edit-contact"]) {
      expect(await viewer.getByTestId(control).count()).toBe(0);
    }
    const text = (await viewer.locator("main").textContent()) ?? "";
    expect(text).not.toMatch(/INV-\d+/);
    await shot(viewer, "company");
  });

  it("sees no payer relations, which the admin sees on the funder's page", async () => {
    const found = await apiInPage<{ data: { id: string }[] }>(admin, "GET", "/companies?q=health%20trust");
    const trustId = found.json.data[0]?.id;
    expect(trustId).toBeDefined();
    await admin.goto(`${server.url}/companies/${trustId}`);
    await admin.getByTestId("company-payer-relations").getByTestId("payer-relation-row").first().waitFor();
    expect(await admin.getByTestId("payer-relation-row").getAttribute("data-name")).toBe(
      "Patient portal — Manuka Health",
    );
    await viewer.goto(`${server.url}/companies/${trustId}`);
    await viewer.getByTestId("company-opportunities").waitFor();
    expect(await viewer.getByTestId("company-payer-relations").count()).toBe(0);
  });

  it("sees the catalogue and lists without create, edit or remove buttons", async () => {
    await viewer.getByTestId("nav-products").click();
    await viewer.getByTestId("product-table").waitFor();
    expect(await viewer.getByTestId("new-product").count()).toBe(0);
    expect(await viewer.getByTestId("edit-product").count()).toBe(0);
    await viewer.getByTestId("nav-companies").click();
    await viewer.getByTestId("company-table").waitFor();
    expect(await viewer.getByTestId("new-company").count()).toBe(0);
  });

  it("finds no invoice numbers from the search box", async () => {
    await viewer.getByTestId("global-search-input").fill("INV-");
    await viewer.waitForResponse((r) => r.url().includes("/api/v1/search"));
    await viewer.waitForTimeout(300);
    expect(await viewer.locator('[data-testid="search-hit"][data-kind="invoice"]').count()).toBe(0);

    await admin.getByTestId("global-search-input").fill("INV-");
    await admin.locator('[data-testid="search-hit"][data-kind="invoice"]').first().waitFor();
  });
});
