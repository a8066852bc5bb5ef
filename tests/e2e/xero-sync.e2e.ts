import { describe, expect, it } from "vitest";
import { apiInPage } from "./support/browser.ts";
import {
  consent,
  fitOutLineId,
  NZ_TENANT,
  newSignedInPage,
  openOpportunity,
  opportunityId,
  pill,
  sandbox,
  server,
  setUpXeroJourney,
  shot,
} from "./support/xero-journey.ts";

// As the admin: Xero connected (consent in the browser), the client linked and a full invoice approved in Xero.
setUpXeroJourney(async (admin) => {
  await admin.getByTestId("nav-integrations").click();
  await consent(admin, "connect-xero");
  expect((await apiInPage(admin, "PATCH", "/integrations/xero", { default_account_code: "200" })).status).toBe(200);
  const opportunity = await apiInPage<{ company_id: string }>(admin, "GET", `/opportunities/${opportunityId}`);
  const link = await apiInPage(admin, "POST", `/companies/${opportunity.json.company_id}/xero-contact`, {
    mode: "create",
  });
  expect(link.status).toBe(200);
  const sent = await apiInPage(admin, "POST", `/opportunities/${opportunityId}/xero-invoices`, {
    portion: "full",
    due_date: "2030-01-31",
    status: "AUTHORISED",
    confirm_double_billing: true,
  });
  expect(sent.status, JSON.stringify(sent.json)).toBe(201);
});

describe("Xero sync without a click", () => {
  it("turns the invoice and its lines Paid on the open opportunity page when the invoice is paid in Xero", async () => {
    const page = await newSignedInPage(server.demo.editor);
    await openOpportunity(page);
    const card = page.locator('[data-testid="invoice-card"][data-provider="xero"]').first();
    await expect.poll(() => card.getAttribute("data-status")).toBe("AUTHORISED");
    expect(await pill(page, fitOutLineId).textContent()).toBe("Invoiced");
    let loads = 0;
    page.on("load", () => {
      loads += 1;
    });
    const url = page.url();

    // A Xero user records the payment in Xero (the sandbox console); its webhook reaches Settle, whose job
    // syncs the invoice; the page polls open Xero invoices and moves the card and the pills.
    const xeroId = await card.getAttribute("data-xero-invoice-id");
    await sandbox(`/orgs/${NZ_TENANT}/payments`, { InvoiceID: xeroId, AccountCode: "090" });
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 30_000 }).toBe("PAID");
    await expect.poll(() => pill(page, fitOutLineId).textContent(), { timeout: 15_000 }).toBe("Paid");
    expect(loads).toBe(0);
    expect(page.url()).toBe(url);
    await shot(page, "paid-by-webhook");

    // Its calls are in the integration log, reached from the invoice card.
    await card.getByTestId("invoice-xero-log").click();
    await page.getByTestId("xero-log-table").waitFor();
    expect(await page.getByTestId("xero-log-row").count()).toBeGreaterThan(0);
    await page.close();
  });
});
