import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AccountingApi, Invoice, LineItem, Payment, RepeatingInvoice } from "xero-node";
import { amountTypes, salesInvoice, status } from "./fixtures.ts";
import { type Harness, NZ_TENANT, startHarness, validationMessages, xeroError } from "./harness.ts";

// What Settle's Xero invoicing needs, end to end through xero-node: settings, invoices, payments, email, templates.
let h: Harness;
let api: AccountingApi;
let contactId: string;
let noEmailContactId: string;
const T = NZ_TENANT;
const DAY = 86_400_000;
/** xero-node types dates as strings but hands back Date objects for /Date(…)/ values. */
const day = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : "missing");

beforeAll(async () => {
  h = await startHarness({ limits: { perMinute: 10_000 }, now: () => new Date("2025-01-01T09:00:00Z") });
  api = h.accounting(await h.clientCredentialsToken());
  const contacts = (await api.getContacts(T)).body.contacts ?? [];
  contactId = contacts.find((c) => c.name === "City Agency")?.contactID ?? "";
  noEmailContactId = contacts.find((c) => c.name === "Marine Systems")?.contactID ?? "";
});
afterAll(() => h.close());
afterEach(() => {
  expect(h.conformance.violations).toEqual([]);
});

const createOne = async (overrides: Partial<Invoice> = {}, unitdp?: number): Promise<Invoice> => {
  const result = await api.createInvoices(T, { invoices: [salesInvoice(contactId, overrides)] }, false, unitdp);
  const invoice = result.body.invoices?.[0];
  if (!invoice?.invoiceID || invoice.hasErrors) throw new Error(JSON.stringify(invoice?.validationErrors));
  return invoice;
};
const read = async (invoiceID: string, unitdp?: number): Promise<Invoice> =>
  (await api.getInvoice(T, invoiceID, unitdp)).body.invoices?.[0] ?? {};
const line = (description: string, quantity: number, unitAmount: number, taxType: string): LineItem => ({
  description,
  quantity,
  unitAmount,
  accountCode: "200",
  taxType,
});

describe("settings reads", () => {
  it("Organisation carries the time zone and base currency", async () => {
    const org = (await api.getOrganisations(T)).body.organisations?.[0];
    expect([org?.timezone, org?.baseCurrency, org?.countryCode]).toEqual(["NEWZEALANDSTANDARDTIME", "NZD", "NZ"]);
  });

  it("Accounts lists BANK accounts with numbers and REVENUE accounts, filterable with where", async () => {
    const accounts = (await api.getAccounts(T)).body.accounts ?? [];
    const banks = accounts.filter((a) => String(a.type) === "BANK");
    expect(banks.map((a) => [a.code, a.bankAccountNumber, a.enablePaymentsToAccount])).toEqual([
      ["090", "0102030405060708", false],
      ["091", "0102030405060709", false],
    ]);
    expect(banks.every((a) => String(a.currencyCode) === "NZD")).toBe(true);
    const revenue = (await api.getAccounts(T, undefined, 'Type=="REVENUE"')).body.accounts ?? [];
    expect(revenue.map((a) => a.code)).toEqual(["260", "270"]);
    const incomeClass = (await api.getAccounts(T, undefined, 'Class=="REVENUE"', "Code ASC")).body.accounts ?? [];
    expect(incomeClass.map((a) => a.code)).toEqual(["200", "260", "270"]);
    const payable = (await api.getAccounts(T, undefined, "EnablePaymentsToAccount==true")).body.accounts ?? [];
    expect(payable.map((a) => a.code)).toEqual(["877"]);
  });

  it("TaxRates has GST 15%, zero-rated and no-GST rates; expense rates do not apply to revenue", async () => {
    const rates = (await api.getTaxRates(T)).body.taxRates ?? [];
    expect(rates.map((r) => [r.taxType, r.effectiveRate])).toEqual(
      expect.arrayContaining([
        ["OUTPUT2", 15],
        ["ZERORATED", 0],
        ["NONE", 0],
        ["INPUT2", 15],
      ]),
    );
    const forSales = (await api.getTaxRates(T, "CanApplyToRevenue==true")).body.taxRates ?? [];
    expect(forSales.map((r) => r.taxType).sort()).toEqual(["NONE", "OUTPUT2", "ZERORATED"]);
  });

  it("BrandingThemes lists the organisation's themes, usable on invoices", async () => {
    const themes = (await api.getBrandingThemes(T)).body.brandingThemes ?? [];
    expect(themes.map((t) => t.name)).toEqual(["Standard", "Special Projects"]);
    const invoice = await createOne({ brandingThemeID: themes[1]?.brandingThemeID });
    expect(invoice.brandingThemeID).toBe(themes[1]?.brandingThemeID);
  });
});

describe("invoices", () => {
  it("computes tax per line from each line's TaxType and rounds per line, so totals are sums of lines", async () => {
    const invoice = await createOne({
      lineItems: [
        line("Consulting", 3, 33.33, "OUTPUT2"),
        line("Small fee", 1, 0.05, "OUTPUT2"),
        line("Small fee", 1, 0.05, "OUTPUT2"),
        line("Small fee", 1, 0.05, "OUTPUT2"),
        line("Export", 2, 50, "ZERORATED"),
        line("Exempt", 1, 19.99, "NONE"),
      ],
    });
    expect(invoice.lineItems?.map((l) => [l.taxType, l.lineAmount, l.taxAmount])).toEqual([
      ["OUTPUT2", 99.99, 15],
      ["OUTPUT2", 0.05, 0.01],
      ["OUTPUT2", 0.05, 0.01],
      ["OUTPUT2", 0.05, 0.01],
      ["ZERORATED", 100, 0],
      ["NONE", 19.99, 0],
    ]);
    // Tax on the taxable subtotal would be 15.02; Xero's per-line rounding gives 15.03.
    expect([invoice.subTotal, invoice.totalTax, invoice.total, invoice.amountDue]).toEqual([
      220.13, 15.03, 235.16, 235.16,
    ]);
    const inclusive = await createOne({
      lineAmountTypes: amountTypes("Inclusive"),
      lineItems: [line("A", 1, 115, "OUTPUT2"), line("B", 1, 10, "OUTPUT2"), line("C", 1, 50, "ZERORATED")],
    });
    expect(inclusive.lineItems?.map((l) => l.taxAmount)).toEqual([15, 1.3, 0]);
    expect([inclusive.subTotal, inclusive.totalTax, inclusive.total]).toEqual([158.7, 16.3, 175]);
  });

  it("keeps 4-decimal unit amounts with unitdp=4 and rounds them to 2 dp without it", async () => {
    const four = await createOne({ lineItems: [line("Metered", 3, 12.3456, "OUTPUT2")] }, 4);
    expect([four.lineItems?.[0]?.unitAmount, four.lineItems?.[0]?.lineAmount, four.totalTax]).toEqual([
      12.3456, 37.04, 5.56,
    ]);
    expect((await read(four.invoiceID ?? "", 4)).lineItems?.[0]?.unitAmount).toBe(12.3456);
    expect((await read(four.invoiceID ?? "")).lineItems?.[0]?.unitAmount).toBe(12.35);
    const two = await createOne({ lineItems: [line("Metered", 3, 12.3456, "OUTPUT2")] });
    expect([two.lineItems?.[0]?.unitAmount, two.lineItems?.[0]?.lineAmount]).toEqual([12.35, 37.05]);
    expect((await read(two.invoiceID ?? "", 4)).lineItems?.[0]?.unitAmount).toBe(12.35);
  });

  it("stores Reference and finds an invoice by it with where or searchTerm", async () => {
    const created = await createOne({ reference: "OPP-1042 deposit 30%" });
    const byWhere = await api.getInvoices(T, undefined, 'Reference=="OPP-1042 deposit 30%"');
    expect(byWhere.body.invoices?.map((i) => [i.invoiceID, i.reference])).toEqual([
      [created.invoiceID, "OPP-1042 deposit 30%"],
    ]);
    const searchTerm = async (term: string) =>
      (
        await api.getInvoices(
          T,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          term,
        )
      ).body.invoices?.map((i) => i.invoiceID) ?? [];
    expect(await searchTerm("opp-1042")).toEqual([created.invoiceID]);
    expect(await searchTerm(created.invoiceNumber ?? "")).toEqual([created.invoiceID]);
    // Xero binds query names case-insensitively; the spec only declares searchTerm, so the checker notes it.
    const raw = await fetch(`${h.urls.api_url}/api.xro/2.0/Invoices?SearchTerm=OPP-1042`, {
      headers: { authorization: `Bearer ${await h.clientCredentialsToken()}`, "xero-tenant-id": T },
    });
    const body = (await raw.json()) as { Invoices: Array<{ InvoiceID: string }> };
    expect(body.Invoices.map((i) => i.InvoiceID)).toEqual([created.invoiceID]);
    expect(h.conformance.violations).toEqual([expect.stringContaining("query parameter SearchTerm not in spec")]);
    h.conformance.violations.length = 0;
  });

  it("updates DueDate, Reference and Status along Xero's transitions, with its messages", async () => {
    const draft = await createOne({ status: status("DRAFT") });
    const id = draft.invoiceID ?? "";
    const edited = await api.updateInvoice(T, id, {
      invoices: [{ dueDate: "2025-04-15", reference: "PO-99" }],
    });
    expect([day(edited.body.invoices?.[0]?.dueDate), edited.body.invoices?.[0]?.reference]).toEqual([
      "2025-04-15",
      "PO-99",
    ]);
    const approved = await api.updateInvoice(T, id, { invoices: [{ status: status("AUTHORISED") }] });
    expect(approved.body.invoices?.[0]?.status).toBe("AUTHORISED");
    for (const target of ["DELETED", "DRAFT"] as const) {
      const refused = await xeroError(api.updateInvoice(T, id, { invoices: [{ status: status(target) }] }));
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toMatchObject({ ErrorNumber: 10, Type: "ValidationException" });
      expect(validationMessages(refused.body)).toEqual(["Invoice not of valid status for modification"]);
    }
    const voided = (await api.updateInvoice(T, id, { invoices: [{ status: status("VOIDED") }] })).body.invoices?.[0];
    expect([voided?.status, voided?.amountDue, voided?.total]).toEqual(["VOIDED", 0, 345]);

    const paid = await createOne();
    h.sandbox.admin.recordPayment(T, paid.invoiceID ?? "");
    const voiding = await xeroError(
      api.updateInvoice(T, paid.invoiceID ?? "", { invoices: [{ status: status("VOIDED") }] }),
    );
    expect(validationMessages(voiding.body)).toEqual([
      "The status VOIDED cannot be applied to the invoice because it has payments or credit notes allocated to it.",
    ]);
    const relabelled = await api.updateInvoice(T, paid.invoiceID ?? "", {
      invoices: [{ reference: "Paid by card", dueDate: "2025-05-01" }],
    });
    expect([relabelled.body.invoices?.[0]?.status, relabelled.body.invoices?.[0]?.reference]).toEqual([
      "PAID",
      "Paid by card",
    ]);

    const scrap = await createOne({ status: status("DRAFT") });
    const deleted = await api.updateInvoice(T, scrap.invoiceID ?? "", { invoices: [{ status: status("DELETED") }] });
    expect([deleted.body.invoices?.[0]?.status, deleted.body.invoices?.[0]?.amountDue]).toEqual(["DELETED", 0]);
    const unapprovable = await createOne({ status: status("DRAFT"), dueDate: undefined });
    const noDue = await xeroError(
      api.updateInvoice(T, unapprovable.invoiceID ?? "", { invoices: [{ status: status("AUTHORISED") }] }),
    );
    expect(validationMessages(noDue.body)).toEqual(["Due Date must be specified."]);
  });
});

describe("payments", () => {
  const pay = (invoiceID: string, amount: number, account: Payment["account"], date = "2025-01-10"): Payment => ({
    invoice: { invoiceID },
    account,
    amount,
    date,
  });

  it("records payments: AmountDue and AmountPaid move, PAID with FullyPaidOnDate once fully paid", async () => {
    const invoice = await createOne();
    const id = invoice.invoiceID ?? "";
    expect([invoice.total, invoice.amountDue, invoice.amountPaid]).toEqual([345, 345, 0]);
    const bank = (await api.getAccounts(T, undefined, 'Code=="091"')).body.accounts?.[0]?.accountID;
    const first = await api.createPayment(T, pay(id, 100, { code: "090" }, "2025-01-05"));
    expect(first.body.payments?.[0]).toMatchObject({ amount: 100, status: "AUTHORISED", paymentType: "ACCRECPAYMENT" });
    let current = await read(id);
    expect([current.status, current.amountDue, current.amountPaid, current.fullyPaidOnDate]).toEqual([
      "AUTHORISED",
      245,
      100,
      undefined,
    ]);
    await api.createPayments(T, { payments: [pay(id, 45, { code: "877" }, "2025-01-07")] });
    await api.createPayments(T, { payments: [pay(id, 200, { accountID: bank }, "2025-01-09")] });
    current = await read(id);
    expect([current.status, current.amountDue, current.amountPaid, day(current.fullyPaidOnDate)]).toEqual([
      "PAID",
      0,
      345,
      "2025-01-09",
    ]);
    expect(current.payments?.map((p) => p.amount)).toEqual([100, 45, 200]);
  });

  it("refuses accounts that cannot take payments, with Xero's messages in a ValidationException", async () => {
    const id = (await createOne()).invoiceID ?? "";
    const cases: Array<[Payment["account"], string]> = [
      [{ code: "200" }, "Account type is invalid for making a payment to/from"],
      [{ code: "610" }, "Account type is invalid for making a payment to/from"],
      [{ code: "999" }, "Account could not be found"],
      [undefined, "You must specify an Account code or Account ID for the payment"],
    ];
    for (const [account, message] of cases) {
      const error = await xeroError(api.createPayments(T, { payments: [pay(id, 10, account)] }));
      expect(error.statusCode).toBe(400);
      expect(error.body).toMatchObject({
        ErrorNumber: 10,
        Type: "ValidationException",
        Message: "A validation exception occurred",
        Elements: [{ Invoice: { InvoiceID: id }, ValidationErrors: [{ Message: message }] }],
      });
    }
    expect((await read(id)).amountPaid).toBe(0);
  });

  it("refuses overpayments and invoices that are not AUTHORISED", async () => {
    const open = await createOne();
    const over = await xeroError(
      api.createPayments(T, { payments: [pay(open.invoiceID ?? "", 345.01, { code: "090" })] }),
    );
    expect(validationMessages(over.body)).toEqual(["Payment amount exceeds the amount outstanding on this document"]);

    const draft = await createOne({ status: status("DRAFT") });
    const onDraft = await xeroError(api.createPayment(T, pay(draft.invoiceID ?? "", 10, { code: "090" })));
    expect(validationMessages(onDraft.body)).toEqual(["Payments can only be made against Authorised documents"]);

    const voided = await createOne();
    await api.updateInvoice(T, voided.invoiceID ?? "", { invoices: [{ status: status("VOIDED") }] });
    const paid = await createOne();
    h.sandbox.admin.recordPayment(T, paid.invoiceID ?? "");
    for (const closed of [voided, paid]) {
      const refused = await xeroError(api.createPayment(T, pay(closed.invoiceID ?? "", 10, { code: "090" })));
      expect(validationMessages(refused.body)).toEqual([
        "Payments can only be made against Authorised documents",
        "Payment amount exceeds the amount outstanding on this document",
      ]);
    }

    const mixed = await api.createPayments(
      T,
      { payments: [pay(open.invoiceID ?? "", 45, { code: "090" }), pay(draft.invoiceID ?? "", 1, { code: "090" })] },
      false,
    );
    expect(mixed.response.status).toBe(200);
    const [good, bad] = mixed.body.payments ?? [];
    expect([good?.statusAttributeString, good?.paymentID !== undefined]).toEqual(["OK", true]);
    expect([bad?.statusAttributeString, bad?.hasValidationErrors]).toEqual(["ERROR", true]);
    expect(bad?.validationErrors?.map((v) => v.message)).toEqual([
      "Payments can only be made against Authorised documents",
    ]);
    expect((await read(open.invoiceID ?? "")).amountDue).toBe(300);
  });
});

describe("emailing an invoice", () => {
  it("answers 204 and marks the invoice sent; refuses drafts and contacts without an email", async () => {
    const invoice = await createOne();
    expect(invoice.sentToContact).toBe(false);
    const sent = await api.emailInvoice(T, invoice.invoiceID ?? "", {});
    expect(sent.response.status).toBe(204);
    expect(sent.body).toBeFalsy();
    expect((await read(invoice.invoiceID ?? "")).sentToContact).toBe(true);
    expect(h.sandbox.admin.emails(T).filter((e) => e.invoiceId === invoice.invoiceID)).toHaveLength(1);

    const draft = await createOne({ status: status("DRAFT") });
    const refused = await xeroError(api.emailInvoice(T, draft.invoiceID ?? "", {}));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatchObject({
      Type: "ValidationException",
      Elements: [
        { InvoiceID: draft.invoiceID, ValidationErrors: [{ Message: "Invoice not of valid status for sending" }] },
      ],
    });
    const noEmail = (await api.createInvoices(T, { invoices: [salesInvoice(noEmailContactId)] }, false)).body
      .invoices?.[0];
    const noAddress = await xeroError(api.emailInvoice(T, noEmail?.invoiceID ?? "", {}));
    expect(validationMessages(noAddress.body)).toEqual(["The contact does not have a valid email address."]);
    expect((await read(noEmail?.invoiceID ?? "")).sentToContact).toBe(false);
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
      dueDateType: "OFFOLLOWINGMONTH" as never,
      startDate: "2025-02-01",
      endDate: "2025-12-31",
    },
    lineItems: [line("Support retainer [Month] [Year]", 1, 500, "OUTPUT2")],
    reference: "RET-[Month]",
    status: "AUTHORISED" as never,
    approvedForSending: true,
    ...overrides,
  });

  it("creates a template with its schedule (PUT), reads it back by id, and deletes it (POST Status DELETED)", async () => {
    const created = (await api.createRepeatingInvoices(T, { repeatingInvoices: [template()] })).body
      .repeatingInvoices?.[0];
    const id = created?.repeatingInvoiceID ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const fetched = (await api.getRepeatingInvoice(T, id)).body.repeatingInvoices?.[0];
    expect(fetched).toMatchObject({
      repeatingInvoiceID: id,
      iD: id,
      status: "AUTHORISED",
      approvedForSending: true,
      reference: "RET-[Month]",
      subTotal: 500,
      totalTax: 75,
      total: 575,
    });
    const schedule = fetched?.schedule;
    expect([schedule?.period, schedule?.unit, schedule?.dueDate, schedule?.dueDateType]).toEqual([
      1,
      "MONTHLY",
      20,
      "OFFOLLOWINGMONTH",
    ]);
    expect([day(schedule?.startDate), day(schedule?.endDate), day(schedule?.nextScheduledDate)]).toEqual([
      "2025-02-01",
      "2025-12-31",
      "2025-02-01",
    ]);
    const deleted = await api.updateRepeatingInvoice(T, id, { repeatingInvoices: [{ status: "DELETED" as never }] });
    expect(deleted.body.repeatingInvoices?.[0]?.status).toBe("DELETED");
    const after = (await api.getRepeatingInvoice(T, id)).body.repeatingInvoices?.[0];
    expect([after?.status, after?.schedule?.nextScheduledDate]).toEqual(["DELETED", undefined]);
    const notAnEdit = await xeroError(
      api.updateRepeatingInvoice(T, id, { repeatingInvoices: [{ status: "AUTHORISED" as never }] }),
    );
    expect(validationMessages(notAnEdit.body)).toEqual([
      "Repeating invoices can only be deleted through the API (Status DELETED).",
    ]);
  });

  it("POST /RepeatingInvoices creates new templates and deletes the ones it names", async () => {
    const weekly = template({
      status: "DRAFT" as never,
      approvedForSending: false,
      schedule: {
        period: 2,
        unit: "WEEKLY" as never,
        dueDate: 7,
        dueDateType: "DAYSAFTERINVOICEDATE" as never,
        startDate: "2025-01-06",
      },
    });
    const created = (await api.updateOrCreateRepeatingInvoices(T, { repeatingInvoices: [weekly] })).body
      .repeatingInvoices?.[0];
    expect([created?.status, created?.schedule?.unit, created?.schedule?.endDate]).toEqual([
      "DRAFT",
      "WEEKLY",
      undefined,
    ]);
    const removed = await api.updateOrCreateRepeatingInvoices(T, {
      repeatingInvoices: [{ repeatingInvoiceID: created?.repeatingInvoiceID, status: "DELETED" as never }],
    });
    expect(removed.body.repeatingInvoices?.map((r) => [r.repeatingInvoiceID, r.status])).toEqual([
      [created?.repeatingInvoiceID, "DELETED"],
    ]);
    const live = (await api.getRepeatingInvoices(T, 'Status!="DELETED"')).body.repeatingInvoices ?? [];
    expect(live.some((r) => r.repeatingInvoiceID === created?.repeatingInvoiceID)).toBe(false);
  });

  it("validates the template: sending needs AUTHORISED and an email, EndDate after StartDate", async () => {
    const backwards = {
      period: 1,
      unit: "MONTHLY" as never,
      dueDate: 20,
      dueDateType: "OFFOLLOWINGMONTH" as never,
      startDate: "2025-06-01",
      endDate: "2025-05-01",
    };
    const result = await api.createRepeatingInvoices(
      T,
      {
        repeatingInvoices: [
          template({ status: "DRAFT" as never }),
          template({ contact: { contactID: noEmailContactId } }),
          template({ schedule: backwards }),
          template({
            schedule: { ...backwards, dueDateType: "OFCURRENTMONTH" as never, dueDate: 0, endDate: undefined },
          }),
        ],
      },
      false,
    );
    expect(result.response.status).toBe(200);
    // xero-node's RepeatingInvoice model has no ValidationErrors, so read the raw elements.
    const raw = (result.response as unknown as { data: { RepeatingInvoices: Array<Record<string, unknown>> } }).data;
    expect(
      raw.RepeatingInvoices.map((r) => [
        r.StatusAttributeString,
        r.HasErrors,
        (r.ValidationErrors as Array<{ Message: string }>)[0]?.Message,
      ]),
    ).toEqual([
      ["ERROR", true, "Only approved repeating invoices can be approved for sending."],
      ["ERROR", true, "The contact must have an email address to approve for sending."],
      ["ERROR", true, "Schedule EndDate must be on or after the StartDate."],
      ["ERROR", true, "Schedule DueDate is not valid for the DueDateType."],
    ]);
    const summarized = await xeroError(
      api.createRepeatingInvoices(T, { repeatingInvoices: [template({ status: "DRAFT" as never })] }),
    );
    expect(summarized.statusCode).toBe(400);
    expect(summarized.body).toMatchObject({ ErrorNumber: 10, Type: "ValidationException" });
    expect(validationMessages(summarized.body)).toEqual([
      "Only approved repeating invoices can be approved for sending.",
    ]);
  });

  it("generates authorised, emailed invoices with due dates from the schedule as the clock passes", async () => {
    const created = (
      await api.createRepeatingInvoices(T, {
        repeatingInvoices: [template({ schedule: { ...template().schedule, endDate: "2025-03-15" } })],
      })
    ).body.repeatingInvoices?.[0];
    h.sandbox.admin.advanceClock(90 * DAY);
    api = h.accounting(await h.clientCredentialsToken());
    const generated =
      (await api.getInvoices(T, undefined, `RepeatingInvoiceID==Guid("${created?.repeatingInvoiceID}")`, "Date ASC"))
        .body.invoices ?? [];
    expect(generated.map((i) => [day(i.date), day(i.dueDate), i.status, i.reference, i.sentToContact])).toEqual([
      ["2025-02-01", "2025-03-20", "AUTHORISED", "RET-February", true],
      ["2025-03-01", "2025-04-20", "AUTHORISED", "RET-March", true],
    ]);
    const next = (await api.getRepeatingInvoice(T, created?.repeatingInvoiceID ?? "")).body.repeatingInvoices?.[0];
    expect(next?.schedule?.nextScheduledDate).toBeUndefined();
  });
});
