import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { AccountingLedger } from "../../src/integrations/accounting/port.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { DEMO_APP } from "../../src/sandboxes/xero/identity/demo-app.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { startXeroServer } from "../support/xero-server.ts";

const NZ = "a3f1c0de-0001-4e1a-9c55-5e771e000001";
let database: Database;
let server: Awaited<ReturnType<typeof startXeroServer>>;
let ledger: AccountingLedger;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, systemClock);
  // A Custom Connection token (bound to the NZ demo organisation) keeps this suite about the ledger calls.
  const response = await fetch(`${server.sandbox.urls.identity_url}/connect/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  const { access_token } = (await response.json()) as { access_token: string };
  ledger = server.accounting.ledger({ accessToken: access_token, tenantId: NZ });
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe("the Xero adapter against the sandbox", () => {
  it("creates and finds a contact, invoices it in minor units, records a payment and reads it back PAID", async () => {
    const contact = await ledger.createContact({ name: "Adapter Dental", email: "ap@example.test" }, "contact-1");
    expect((await ledger.searchContacts("adapter dental")).map((c) => c.id)).toContain(contact.id);
    const invoice = await ledger.createInvoice(
      {
        contactId: contact.id,
        currency: "NZD",
        date: "2026-01-10",
        dueDate: "2026-02-10",
        reference: "Deposit",
        status: "AUTHORISED",
        lineAmountTypes: "Exclusive",
        brandingThemeId: null,
        lines: [
          {
            description: "Website (deposit)",
            quantity: "1",
            unitAmount: 82_501,
            accountCode: "200",
            taxType: "OUTPUT2",
          },
        ],
      },
      "invoice-1",
    );
    expect(invoice).toMatchObject({
      status: "AUTHORISED",
      subtotalAmount: 82_501,
      taxAmount: 12_375,
      totalAmount: 94_876,
    });
    const bank = (await ledger.listAccounts()).find((a) => a.type === "BANK");
    expect(bank?.enablePayments).toBe(true);
    await ledger.createPayment(
      {
        invoiceId: invoice.id,
        accountId: bank?.id ?? "",
        date: "2026-01-11",
        amount: invoice.totalAmount,
        currency: "NZD",
      },
      "payment-1",
    );
    const [read] = await ledger.getInvoices([invoice.id]);
    expect(read).toMatchObject({ id: invoice.id, status: "PAID", amountPaidAmount: 94_876, amountDueAmount: 0 });
  });

  it("replays a keyed write instead of creating a second contact", async () => {
    const first = await ledger.createContact({ name: "Keyed Contact", email: null }, "contact-keyed");
    const again = await ledger.createContact({ name: "Keyed Contact", email: null }, "contact-keyed");
    expect(again.id).toBe(first.id);
  });

  it("reports Xero's own validation message as a refusal of the input (a 4xx), not an upstream failure", async () => {
    const contact = await ledger.createContact({ name: "Bad Account Ltd", email: null }, "contact-bad");
    const attempt = ledger.createInvoice(
      {
        contactId: contact.id,
        currency: "NZD",
        date: "2026-01-10",
        dueDate: "2026-02-10",
        reference: null,
        status: "DRAFT",
        lineAmountTypes: "Exclusive",
        brandingThemeId: null,
        lines: [{ description: "X", quantity: "1", unitAmount: 100, accountCode: "999", taxType: null }],
      },
      "invoice-bad",
    );
    await expect(attempt).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("Account must be valid."),
    });
  });

  it("waits out a 429's Retry-After and then succeeds", async () => {
    server.sandbox.admin.injectFault({ kind: "429", count: 1, pathContains: "/Accounts" });
    expect((await ledger.listAccounts()).length).toBeGreaterThan(0);
  });
});
