import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createCompany, createContact } from "../../src/modules/crm/index.ts";
import { createOpportunity } from "../../src/modules/opportunities/index.ts";
import { addPaymentLink } from "../portal/portal-fixtures.ts";
import { ADMIN_PASSWORD, seedWorkspace } from "../support/builders.ts";
import { serveTestApp } from "../support/http-app.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { launch, signIn } from "./support/browser.ts";

// The client portal in Debian's Chromium: a member shares a link from the opportunity, the client opens it on a
// phone, sees their invoices, downloads a PDF, finds Pay now, and a revoked link shows the clear page.
const PAY_URL = "https://pay.example.test/plink_e2e";

let database: Database;
let server: Awaited<ReturnType<typeof serveTestApp>>;
let browser: Browser;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let opportunityId = "";
let invoiceNumber = "";

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.origin}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${ws.apiKey}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

beforeAll(async () => {
  database = await createTestDatabase();
  ws = await seedWorkspace(database, "Northwind Studio");
  const company = await createCompany(ws.ctx, { name: "Harbour <Dental>" });
  const contact = await createContact(ws.ctx, { name: "Mia Chen", company_id: company.id, email: "mia@example.test" });
  const opportunity = await createOpportunity(ws.ctx, {
    name: "Website rebuild",
    company_id: company.id,
    primary_contact_id: contact.id,
    currency: "USD",
  });
  opportunityId = opportunity.id;
  server = await serveTestApp(database, { webDistDir: resolve(import.meta.dirname, "../../dist/web") });
  const invoice = await call("POST", `/opportunities/${opportunityId}/invoices`, {
    portion: "full",
    due_date: "2030-03-15",
    line_ids: [],
    free_lines: [{ description: "Design sprint", quantity: "1", unit_amount: 480_000 }],
  });
  expect(invoice.status).toBe(201);
  expect((await call("POST", `/invoices/${invoice.body.id}/approve`)).status).toBe(200);
  invoiceNumber = String(invoice.body.number);
  await addPaymentLink(database, ws.workspaceId, String(invoice.body.id), PAY_URL);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

async function staffPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.origin, { email: ws.adminEmail, password: ADMIN_PASSWORD });
  await page.goto(`${server.origin}/opportunities/${opportunityId}`);
  await page.getByTestId("invoices-section").waitFor();
  return page;
}

async function clientPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  return context.newPage();
}

describe("client portal", () => {
  it("shares a link from the invoices card; the client sees invoices, downloads a PDF, sees Pay now; revoking ends it", async () => {
    const staff = await staffPage();
    await staff.getByTestId("invoices-share-portal-link").click();
    const dialog = staff.getByTestId("share-portal-link-dialog");
    await dialog.getByTestId("create-portal-link").click();
    const created = dialog.getByTestId("portal-link-created");
    await created.waitFor();
    const shown = (await created.getAttribute("data-url")) ?? "";
    // The address is built on PUBLIC_URL, which this in-process server leaves at its default.
    expect(shown).toMatch(/^http:\/\/localhost:3000\/portal\/[A-Za-z0-9_-]{43}$/);
    expect(await dialog.getByTestId("portal-link-url").inputValue()).toBe(shown);
    const url = `${server.origin}${new URL(shown).pathname}`;
    await dialog.getByTestId("portal-link-row").first().waitFor();
    expect(await dialog.getByTestId("portal-link-state").first().textContent()).toBe("Active");
    await staff.screenshot({ path: "/tmp/settle-e2e-portal-share.png", fullPage: true });

    const client = await clientPage();
    await client.goto(url);
    expect(new URL(client.url()).pathname).toBe("/portal");
    await client.getByTestId("portal-invoice").first().waitFor();
    expect(await client.getByTestId("portal-company").textContent()).toBe("Invoices for Harbour <Dental>");
    expect(await client.getByTestId("portal-brand").textContent()).toBe("Northwind Studio");
    const item = client.getByTestId("portal-invoice").first();
    expect(await item.getByTestId("portal-invoice-number").textContent()).toBe(invoiceNumber);
    expect(await item.getByTestId("portal-invoice-status").textContent()).toBe("Awaiting payment");
    expect(await item.getByTestId("portal-invoice-due").textContent()).toBe("$4,800.00");
    expect(await item.getByTestId("portal-invoice-due-date").textContent()).toBe("Mar 15, 2030");
    expect(await item.getByTestId("portal-pay-now").getAttribute("href")).toBe(PAY_URL);
    await client.screenshot({ path: "/tmp/settle-e2e-portal-phone.png", fullPage: true });

    const [download] = await Promise.all([
      client.waitForEvent("download"),
      item.getByTestId("portal-invoice-pdf").click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${invoiceNumber}.pdf`);
    const saved = await download.path();
    expect((await readFile(saved)).subarray(0, 5).toString()).toBe("%PDF-");

    // The portal's cookie opens no part of the staff API.
    const apiStatus = await client.evaluate(async () => (await fetch("/api/v1/me")).status);
    expect(apiStatus).toBe(401);

    await dialog.getByTestId("revoke-portal-link").first().click();
    await expect.poll(() => dialog.getByTestId("portal-link-state").first().textContent()).toBe("Revoked");
    await client.reload();
    await client.getByTestId("portal-link-ended").waitFor();
    expect(await client.getByRole("heading").first().textContent()).toBe("This link has expired or was revoked");
    expect(await client.getByTestId("portal-invoice").count()).toBe(0);
    await client.goto(url);
    await client.getByTestId("portal-link-ended").waitFor();
    await client.screenshot({ path: "/tmp/settle-e2e-portal-revoked.png", fullPage: true });
  });

  it("offers Share portal link beside the opportunity's primary contact", async () => {
    const staff = await staffPage();
    const contact = staff.getByTestId("primary-contact");
    await contact.getByText("Contact: Mia Chen").waitFor();
    await contact.getByTestId("share-portal-link").click();
    const dialog = staff.getByTestId("share-portal-link-dialog");
    await dialog.getByTestId("portal-link-row").first().waitFor();
    expect(await dialog.getByTestId("portal-link-row").count()).toBe(1);
  });
});
