import { describe, expect, it } from "vitest";
import { addMemberWithRole, apiInPage } from "./support/browser.ts";
import {
  AU_TENANT,
  BALANCE_TOTAL,
  chooseMenu,
  consent,
  DEPOSIT_TOTAL,
  NZ_TENANT,
  newSignedInPage,
  openOpportunity,
  opportunityId,
  sandbox,
  sendInvoice,
  server,
  setUpXeroJourney,
  shot,
  xeroCard,
} from "./support/xero-journey.ts";

// Bills invoices and may read them, but not the integration settings (no integrations:read).
const BILLER = { email: "biller@example.test", password: "a-long-test-password-3" };

/** Connected as the admin through the consent page, with the invoice defaults, a Xero contact and a deposit. */
setUpXeroJourney(async (admin) => {
  await admin.goto(`${server.url}/settings/integrations`);
  await consent(admin, "connect-xero");
  const defaults = await apiInPage(admin, "PATCH", "/integrations/xero", { default_account_code: "200" });
  expect(defaults.status).toBe(200);
  const opportunity = await apiInPage<{ company_id: string }>(admin, "GET", `/opportunities/${opportunityId}`);
  const contact = await apiInPage(admin, "POST", `/companies/${opportunity.json.company_id}/xero-contact`, {
    mode: "create",
  });
  expect(contact.status).toBe(200);
  const deposit = await apiInPage<{ total_amount: number }>(
    admin,
    "POST",
    `/opportunities/${opportunityId}/xero-invoices`,
    {
      portion: "deposit",
      due_date: "2030-01-31",
      status: "AUTHORISED",
    },
  );
  expect([deposit.status, deposit.json.total_amount]).toEqual([201, DEPOSIT_TOTAL]);
  await addMemberWithRole(admin, server.url, {
    roleName: "Biller",
    scopes: ["opportunities:read", "products:read", "companies:read", "invoices:read", "invoices:write"],
    ...BILLER,
    name: "Bea",
  });
});

describe("Xero connection in the web app", () => {
  it("lets a role without integrations:read invoice through Xero with the defaults, never natively", async () => {
    const page = await newSignedInPage(BILLER);
    expect(await page.getByTestId("nav-integrations").count()).toBe(0);
    await openOpportunity(page);
    const section = page.getByTestId("invoices-section");
    await section.getByTestId("xero-actions").waitFor();
    expect(await section.getByTestId("new-invoice").count()).toBe(0);
    await sendInvoice(page, "balance", BALANCE_TOTAL);
    expect(await xeroCard(page, "balance").getByTestId("invoice-mark-paid").count()).toBe(1);
    await shot(page, "biller-sent");
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
    // The Xero invoices stay on the opportunity: the deposit and the balance the biller sent.
    await expect.poll(() => page.locator('[data-testid="invoice-card"][data-provider="xero"]').count()).toBe(2);
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
