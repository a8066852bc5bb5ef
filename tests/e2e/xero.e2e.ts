import { describe, expect, it } from "vitest";
import { apiInPage } from "./support/browser.ts";
import {
  BALANCE_TOTAL,
  chooseMenu,
  consent,
  DEPOSIT_TOTAL,
  draftFreeLine,
  FIRST_REPEAT,
  fitOutLineId,
  NZ_TENANT,
  newSignedInPage,
  openOpportunity,
  payInSandbox,
  pill,
  retainerLineId,
  sandbox,
  sendInvoice,
  server,
  setUpXeroJourney,
  shot,
  syncUntilPaid,
  xeroCard,
} from "./support/xero-journey.ts";

// Connecting, contacts, one-off and repeating invoices and payments, in order on one opportunity.
setUpXeroJourney();

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

  it("follows a payment made in Xero on sync, then bills the balance and marks it paid in two parts: Deposit Invoiced → Invoiced → Paid", async () => {
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
    const amount = dialog.getByTestId("xero-payment-amount");
    const record = dialog.getByTestId("record-xero-payment");
    expect(await amount.inputValue()).toBe("1610.00");
    expect(await record.textContent()).toBe("Record NZ$1,610.00");
    expect(await dialog.locator('input[type="date"]').count()).toBe(1);
    const banks = dialog.getByTestId("xero-bank-account");
    await expect.poll(() => banks.locator("option:checked").textContent()).toContain("Business Bank Account");
    expect(await dialog.getByTestId("xero-paid-on").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await amount.fill("2000");
    await dialog.getByText("At most the NZ$1,610.00 due.").waitFor();
    expect(await record.isDisabled()).toBe(true);
    // A part payment: the button follows the amount typed.
    await amount.fill("610");
    expect(await record.textContent()).toBe("Record NZ$610.00");
    await shot(page, "mark-paid");
    await record.click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => balance.getByTestId("invoice-due").textContent(), { timeout: 10_000 }).toBe("NZ$1,000.00");
    expect(await balance.getAttribute("data-status")).toBe("AUTHORISED");
    expect(await pill(page, fitOutLineId).textContent()).toBe("Invoiced");

    // The rest: the dialog now starts from what is still due.
    await balance.getByTestId("invoice-mark-paid").click();
    await expect.poll(() => amount.inputValue()).toBe("1000.00");
    expect(await record.textContent()).toBe("Record NZ$1,000.00");
    await record.click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => balance.getAttribute("data-status"), { timeout: 10_000 }).toBe("PAID");
    const payments = await sandbox<{ payments: { Invoice: { InvoiceID: string }; Amount: number }[] }>(
      `/orgs/${NZ_TENANT}`,
    );
    const balanceId = await balance.getAttribute("data-xero-invoice-id");
    expect(
      payments.payments
        .filter((p) => p.Invoice.InvoiceID === balanceId)
        .map((p) => p.Amount)
        .sort((x, y) => x - y),
    ).toEqual([610, 1000]);
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
});
