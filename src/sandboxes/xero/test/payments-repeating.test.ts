import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AccountingApi, RepeatingInvoice } from "xero-node";
import { salesInvoice, status } from "./fixtures.ts";
import { type Harness, NZ_TENANT, startHarness, validationMessages, xeroError } from "./harness.ts";

let h: Harness;
let api: AccountingApi;
let contactId: string;
let bankId: string;
const T = NZ_TENANT;
const DAY = 86_400_000;
/** xero-node types dates as strings but hands back Date objects. */
const day = (value: unknown): string => (value instanceof Date ? value.toISOString() : "missing");

beforeAll(async () => {
  h = await startHarness({ limits: { perMinute: 10_000 }, now: () => new Date("2025-01-01T09:00:00Z") });
  api = h.accounting(await h.clientCredentialsToken());
  contactId = (await api.getContacts(T, undefined, 'Name=="City Agency"')).body.contacts?.[0]?.contactID ?? "";
  bankId = (await api.getAccounts(T, undefined, 'Type=="BANK"')).body.accounts?.[0]?.accountID ?? "";
});
afterAll(() => h.close());
afterEach(() => {
  expect(h.conformance.violations).toEqual([]);
});

const authorised = async (amount = 100) =>
  (
    await api.createInvoices(
      T,
      {
        invoices: [
          salesInvoice(contactId, {
            lineAmountTypes: "NoTax" as never,
            lineItems: [{ description: "x", quantity: 1, unitAmount: amount, accountCode: "200" }],
          }),
        ],
      },
      false,
    )
  ).body.invoices?.[0]?.invoiceID ?? "";

describe("payments", () => {
  it("part-pays, then pays in full (PAID with FullyPaidOnDate), then un-pays by deleting", async () => {
    const invoiceID = await authorised(100);
    const part = await api.createPayments(T, {
      payments: [{ invoice: { invoiceID }, account: { accountID: bankId }, amount: 40, date: "2025-01-05" }],
    });
    expect(part.body.payments?.[0]?.paymentType).toBe("ACCRECPAYMENT");
    let invoice = (await api.getInvoice(T, invoiceID)).body.invoices?.[0];
    expect([invoice?.status, invoice?.amountDue, invoice?.amountPaid, invoice?.payments?.length]).toEqual([
      "AUTHORISED",
      60,
      40,
      1,
    ]);
    const rest = await api.createPayment(T, {
      invoice: { invoiceID },
      account: { code: "090" },
      amount: 60,
      date: "2025-01-06",
    });
    invoice = (await api.getInvoice(T, invoiceID)).body.invoices?.[0];
    expect(invoice?.status).toBe("PAID");
    expect(day(invoice?.fullyPaidOnDate).slice(0, 10)).toBe("2025-01-06");
    const deleted = await api.deletePayment(T, rest.body.payments?.[0]?.paymentID ?? "", { status: "DELETED" });
    expect(deleted.body.payments?.[0]?.status).toBe("DELETED");
    invoice = (await api.getInvoice(T, invoiceID)).body.invoices?.[0];
    expect([invoice?.status, invoice?.amountDue]).toEqual(["AUTHORISED", 60]);
    const listed = await api.getPayments(T, undefined, `Invoice.InvoiceID==Guid("${invoiceID}")`);
    expect(listed.body.payments).toHaveLength(2);
  });

  it("refuses drafts and overpayments with Xero's messages", async () => {
    const draft =
      (await api.createInvoices(T, { invoices: [salesInvoice(contactId, { status: status("DRAFT") })] }, false)).body
        .invoices?.[0]?.invoiceID ?? "";
    const onDraft = await xeroError(
      api.createPayments(T, { payments: [{ invoice: { invoiceID: draft }, account: { code: "090" }, amount: 1 }] }),
    );
    expect(validationMessages(onDraft.body)).toEqual(["Payments can only be made against Authorised documents"]);
    const invoiceID = await authorised(10);
    const over = await xeroError(
      api.createPayments(T, { payments: [{ invoice: { invoiceID }, account: { code: "090" }, amount: 10.01 }] }),
    );
    expect(validationMessages(over.body)).toEqual(["Payment amount exceeds the amount outstanding on this document"]);
    const wrongAccount = await xeroError(
      api.createPayments(T, { payments: [{ invoice: { invoiceID }, account: { code: "200" }, amount: 1 }] }),
    );
    expect(validationMessages(wrongAccount.body)).toEqual(["Account type is invalid for making a payment to/from"]);
  });
});

describe("repeating invoices", () => {
  const template = (overrides: Partial<RepeatingInvoice> = {}): RepeatingInvoice => ({
    type: "ACCREC" as never,
    contact: { contactID: contactId },
    schedule: {
      period: 1,
      unit: "MONTHLY" as never,
      dueDate: 20,
      dueDateType: "DAYSAFTERINVOICEDATE" as never,
      startDate: "2025-01-31",
    },
    lineItems: [{ description: "Retainer [Month] [Year]", quantity: 1, unitAmount: 500, accountCode: "200" }],
    reference: "RET-[Month]",
    status: "AUTHORISED" as never,
    ...overrides,
  });

  it("creates, lists, gets and soft-deletes templates", async () => {
    const created = (
      await api.createRepeatingInvoices(T, { repeatingInvoices: [template({ status: "DRAFT" as never })] })
    ).body.repeatingInvoices?.[0];
    expect(created?.repeatingInvoiceID).toBeTruthy();
    expect(created?.total).toBe(575);
    expect(
      (await api.getRepeatingInvoice(T, created?.repeatingInvoiceID ?? "")).body.repeatingInvoices?.[0]?.status,
    ).toBe("DRAFT");
    expect((await api.getRepeatingInvoices(T, 'Status=="DRAFT"')).body.repeatingInvoices?.length).toBeGreaterThan(0);
    const deleted = await api.updateRepeatingInvoice(T, created?.repeatingInvoiceID ?? "", {
      repeatingInvoices: [{ status: "DELETED" as never }],
    });
    expect(deleted.body.repeatingInvoices?.[0]?.status).toBe("DELETED");
    const bad = await xeroError(
      api.createRepeatingInvoices(T, {
        repeatingInvoices: [template({ schedule: { period: 0, unit: "MONTHLY" as never } })],
      }),
    );
    expect(validationMessages(bad.body)).toContain("Schedule Period must be a whole number of 1 or more.");
  });

  it("generates invoices on schedule as the clock advances, honouring the sending flags", async () => {
    const sending = (
      await api.createRepeatingInvoices(T, {
        repeatingInvoices: [template({ approvedForSending: true, sendCopy: true })],
      })
    ).body.repeatingInvoices?.[0];
    const marked = (
      await api.createRepeatingInvoices(T, {
        repeatingInvoices: [
          template({
            markAsSent: true,
            schedule: {
              period: 2,
              unit: "WEEKLY" as never,
              dueDate: 1,
              dueDateType: "OFFOLLOWINGMONTH" as never,
              startDate: "2025-01-10",
            },
          }),
        ],
      })
    ).body.repeatingInvoices?.[0];
    const drafts = (
      await api.createRepeatingInvoices(T, {
        repeatingInvoices: [template({ status: "DRAFT" as never, approvedForSending: false })],
      })
    ).body.repeatingInvoices?.[0];
    h.sandbox.admin.advanceClock(60 * DAY);
    api = h.accounting(await h.clientCredentialsToken());
    const byTemplate = async (id: string | undefined) =>
      (await api.getInvoices(T, undefined, `RepeatingInvoiceID==Guid("${id}")`, "Date ASC")).body.invoices ?? [];
    const sent = await byTemplate(sending?.repeatingInvoiceID);
    expect(sent.map((i) => (i.date as unknown as Date).toISOString().slice(0, 10))).toEqual([
      "2025-01-31",
      "2025-02-28",
    ]);
    expect(sent.map((i) => i.status)).toEqual(["AUTHORISED", "AUTHORISED"]);
    expect(sent[0]?.reference).toBe("RET-January");
    expect(day(sent[0]?.dueDate).slice(0, 10)).toBe("2025-02-20");
    const emails = h.sandbox.admin.emails(T).filter((e) => sent.some((i) => i.invoiceID === e.invoiceId));
    expect(emails).toHaveLength(2);
    expect(emails.every((e) => e.trigger === "repeating" && e.sendCopy)).toBe(true);
    const fortnightly = await byTemplate(marked?.repeatingInvoiceID);
    expect(fortnightly.map((i) => (i.date as unknown as Date).toISOString().slice(0, 10))).toEqual([
      "2025-01-10",
      "2025-01-24",
      "2025-02-07",
      "2025-02-21",
    ]);
    expect(fortnightly.every((i) => i.sentToContact)).toBe(true);
    expect(day(fortnightly[0]?.dueDate).slice(0, 10)).toBe("2025-02-01");
    expect(h.sandbox.admin.emails(T).some((e) => fortnightly.some((i) => i.invoiceID === e.invoiceId))).toBe(false);
    const draftInvoices = await byTemplate(drafts?.repeatingInvoiceID);
    expect(draftInvoices.map((i) => i.status)).toEqual(["DRAFT", "DRAFT"]);
    const next = (await api.getRepeatingInvoice(T, sending?.repeatingInvoiceID ?? "")).body.repeatingInvoices?.[0]
      ?.schedule?.nextScheduledDate;
    expect((next as unknown as Date).toISOString().slice(0, 10)).toBe("2025-03-31");
  });
});
