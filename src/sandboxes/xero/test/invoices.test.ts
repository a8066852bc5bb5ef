import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AccountingApi } from "xero-node";
import { amountTypes, salesInvoice, status } from "./fixtures.ts";
import { type Harness, NZ_TENANT, startHarness, validationMessages, xeroError } from "./harness.ts";

let h: Harness;
let api: AccountingApi;
let contactId: string;
let noEmailContactId: string;
const T = NZ_TENANT;

beforeAll(async () => {
  h = await startHarness({ limits: { perMinute: 10_000, perDay: 100_000 } });
  api = h.accounting(await h.clientCredentialsToken());
  const contacts = (await api.getContacts(T)).body.contacts ?? [];
  contactId = contacts.find((c) => c.name === "City Agency")?.contactID ?? "";
  noEmailContactId = contacts.find((c) => c.name === "Marine Systems")?.contactID ?? "";
});
afterAll(() => h.close());
afterEach(() => {
  expect(h.conformance.violations).toEqual([]);
});

const createOne = async (overrides = {}) => {
  const result = await api.createInvoices(T, { invoices: [salesInvoice(contactId, overrides)] }, false);
  const invoice = result.body.invoices?.[0];
  if (!invoice?.invoiceID) throw new Error(JSON.stringify(invoice?.validationErrors));
  return invoice;
};

describe("arithmetic", () => {
  it("Exclusive: per-line tax rounded to 2 dp, then summed", async () => {
    const invoice = await createOne({
      lineItems: [
        { description: "A", quantity: 3, unitAmount: 33.33, accountCode: "200" },
        { description: "B", quantity: 1, unitAmount: 0.05, accountCode: "200" },
        { description: "C", quantity: 1, unitAmount: 0.05, accountCode: "200" },
      ],
    });
    expect(invoice.lineItems?.map((l) => [l.lineAmount, l.taxAmount])).toEqual([
      [99.99, 15],
      [0.05, 0.01],
      [0.05, 0.01],
    ]);
    expect([invoice.subTotal, invoice.totalTax, invoice.total, invoice.amountDue]).toEqual([
      100.09, 15.02, 115.11, 115.11,
    ]);
  });

  it("Inclusive: tax is extracted from the line amount", async () => {
    const invoice = await createOne({
      lineAmountTypes: amountTypes("Inclusive"),
      lineItems: [
        { description: "A", quantity: 1, unitAmount: 115, accountCode: "200" },
        { description: "B", quantity: 1, unitAmount: 10, accountCode: "200" },
      ],
    });
    expect(invoice.lineItems?.map((l) => l.taxAmount)).toEqual([15, 1.3]);
    expect([invoice.subTotal, invoice.totalTax, invoice.total]).toEqual([108.7, 16.3, 125]);
  });

  it("NoTax: no tax at all", async () => {
    const invoice = await createOne({ lineAmountTypes: amountTypes("NoTax") });
    expect([invoice.subTotal, invoice.totalTax, invoice.total]).toEqual([300, 0, 300]);
    expect(invoice.lineItems?.[0]?.taxType).toBe("NONE");
  });

  it("applies discounts and rounds UnitAmount to 2 dp unless unitdp=4", async () => {
    const discounted = await createOne({
      lineItems: [{ description: "A", quantity: 3, unitAmount: 19.99, discountRate: 10, accountCode: "200" }],
    });
    expect(discounted.lineItems?.[0]?.lineAmount).toBe(53.97);
    expect(discounted.totalDiscount).toBe(6);
    const two = await createOne({
      lineItems: [{ description: "A", quantity: 1, unitAmount: 1.23456, accountCode: "200" }],
    });
    expect(two.lineItems?.[0]?.unitAmount).toBe(1.23);
    const four = await api.createInvoices(
      T,
      {
        invoices: [
          salesInvoice(contactId, {
            lineItems: [{ description: "A", quantity: 1, unitAmount: 1.23456, accountCode: "200" }],
          }),
        ],
      },
      false,
      4,
    );
    expect(four.body.invoices?.[0]?.lineItems?.[0]?.unitAmount).toBe(1.2346);
  });

  it("returns Xero wire dates as UTC midnight and auto-numbers invoices", async () => {
    const invoice = await createOne();
    expect((invoice.date as unknown as Date).toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(invoice.invoiceNumber).toMatch(/^INV-\d{4}$/);
  });
});

describe("validation and summarizeErrors", () => {
  it("default: 400 ValidationException listing only failures, valid elements still created", async () => {
    const before = (await api.getInvoices(T)).body.invoices?.length ?? 0;
    const error = await xeroError(
      api.createInvoices(T, {
        invoices: [
          salesInvoice(contactId, { reference: "batch-ok" }),
          salesInvoice(contactId, {
            lineItems: [{ quantity: 1, unitAmount: 5, accountCode: "999", taxType: "BOGUS" }],
          }),
        ],
      }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.body).toMatchObject({
      ErrorNumber: 10,
      Type: "ValidationException",
      Message: "A validation exception occurred",
    });
    expect((error.body as { Elements: unknown[] }).Elements).toHaveLength(1);
    expect(validationMessages(error.body)).toEqual([
      "The description field is mandatory for each line item.",
      "Account must be valid.",
      "Tax rate must be valid.",
    ]);
    const after = (await api.getInvoices(T)).body.invoices?.length ?? 0;
    expect(after).toBe(before + 1);
  });

  it("summarizeErrors=false: 200 with per-element status", async () => {
    const result = await api.createInvoices(
      T,
      { invoices: [salesInvoice(contactId), salesInvoice(contactId, { dueDate: undefined })] },
      false,
    );
    const [good, bad] = result.body.invoices ?? [];
    expect(good?.statusAttributeString).toBe("OK");
    expect(bad?.statusAttributeString).toBe("ERROR");
    expect(bad?.hasErrors).toBe(true);
    expect(bad?.validationErrors?.map((v) => v.message)).toEqual(["Due Date must be specified."]);
  });

  it("rejects a duplicate invoice number, a missing contact and a bad line total", async () => {
    const first = await createOne({ invoiceNumber: "DUP-1" });
    expect(first.invoiceNumber).toBe("DUP-1");
    const result = await api.createInvoices(
      T,
      {
        invoices: [
          salesInvoice(contactId, { invoiceNumber: "DUP-1" }),
          salesInvoice(contactId, { contact: undefined }),
          salesInvoice(contactId, {
            lineItems: [{ description: "x", quantity: 2, unitAmount: 10, lineAmount: 25, accountCode: "200" }],
          }),
          salesInvoice(contactId, {
            lineItems: [{ description: "x", quantity: 1, unitAmount: 10, discountAmount: 11, accountCode: "200" }],
          }),
        ],
      },
      false,
    );
    expect(result.body.invoices?.map((i) => i.validationErrors?.[0]?.message)).toEqual([
      "Invoice # must be unique.",
      "A Contact must be specified for this type of transaction",
      "The line total 25.00 does not match the expected line total 20.00",
      "Discount must not be greater than the line total.",
    ]);
  });

  it("creates a contact from a Name-only contact on the invoice", async () => {
    const invoice = (
      await api.createInvoices(T, { invoices: [salesInvoice("", { contact: { name: "Walk-in Customer" } })] }, false)
    ).body.invoices?.[0];
    expect(invoice?.contact?.contactID).toBeTruthy();
    const found = await api.getContacts(T, undefined, 'Name=="Walk-in Customer"');
    expect(found.body.contacts).toHaveLength(1);
  });
});

describe("status lifecycle", () => {
  it("DRAFT → SUBMITTED → AUTHORISED → VOIDED, and locked afterwards", async () => {
    const invoice = await createOne({ status: status("DRAFT") });
    const id = invoice.invoiceID ?? "";
    await api.updateInvoice(T, id, { invoices: [{ status: status("SUBMITTED") }] });
    const approved = await api.updateInvoice(T, id, { invoices: [{ status: status("AUTHORISED") }] });
    expect(approved.body.invoices?.[0]?.status).toBe("AUTHORISED");
    const backToDraft = await xeroError(api.updateInvoice(T, id, { invoices: [{ status: status("DRAFT") }] }));
    expect(validationMessages(backToDraft.body)).toEqual(["Invoice not of valid status for modification"]);
    const deleted = await xeroError(api.updateInvoice(T, id, { invoices: [{ status: status("DELETED") }] }));
    expect(validationMessages(deleted.body)).toEqual(["Invoice not of valid status for modification"]);
    const voided = await api.updateInvoice(T, id, { invoices: [{ status: status("VOIDED") }] });
    expect(voided.body.invoices?.[0]?.status).toBe("VOIDED");
    const edit = await xeroError(api.updateInvoice(T, id, { invoices: [{ reference: "too late" }] }));
    expect(validationMessages(edit.body)).toEqual(["Invoice not of valid status for modification"]);
  });

  it("drafts can be deleted; line updates keep, add and drop lines by LineItemID", async () => {
    const invoice = await createOne({
      status: status("DRAFT"),
      lineItems: [
        { description: "keep", quantity: 1, unitAmount: 10, accountCode: "200" },
        { description: "drop", quantity: 1, unitAmount: 5, accountCode: "200" },
      ],
    });
    const keepId = invoice.lineItems?.[0]?.lineItemID;
    const updated = await api.updateInvoice(T, invoice.invoiceID ?? "", {
      invoices: [
        {
          lineItems: [
            { lineItemID: keepId, description: "kept", quantity: 2, unitAmount: 10, accountCode: "200" },
            { description: "new", quantity: 1, unitAmount: 1, accountCode: "200" },
          ],
        },
      ],
    });
    const lines = updated.body.invoices?.[0]?.lineItems ?? [];
    expect(lines.map((l) => l.description)).toEqual(["kept", "new"]);
    expect(lines[0]?.lineItemID).toBe(keepId);
    expect(updated.body.invoices?.[0]?.subTotal).toBe(21);
    const deleted = await api.updateInvoice(T, invoice.invoiceID ?? "", { invoices: [{ status: status("DELETED") }] });
    expect(deleted.body.invoices?.[0]?.status).toBe("DELETED");
  });

  it("part-paid invoices only accept header edits", async () => {
    const invoice = await createOne();
    h.sandbox.admin.recordPayment(T, invoice.invoiceID ?? "", 50);
    const ref = await api.updateInvoice(T, invoice.invoiceID ?? "", { invoices: [{ reference: "PO-77" }] });
    expect(ref.body.invoices?.[0]?.reference).toBe("PO-77");
    const lines = await xeroError(
      api.updateInvoice(T, invoice.invoiceID ?? "", {
        invoices: [{ lineItems: [{ description: "x", quantity: 1, unitAmount: 1 }] }],
      }),
    );
    expect(validationMessages(lines.body)).toEqual([
      "Invoice not of valid status for modification",
      "This document cannot be edited as it has a payment or credit note allocated to it.",
    ]);
    const voiding = await xeroError(
      api.updateInvoice(T, invoice.invoiceID ?? "", { invoices: [{ status: status("VOIDED") }] }),
    );
    expect(validationMessages(voiding.body)).toEqual([
      "The status VOIDED cannot be applied to the invoice because it has payments or credit notes allocated to it.",
    ]);
  });
});

describe("reading", () => {
  it("filters by IDs, InvoiceNumbers, ContactIDs, Statuses, where and createdByMyApp", async () => {
    const a = await createOne({ reference: "FILTER-A" });
    const b = await createOne({ reference: "FILTER-B", status: status("DRAFT") });
    const byIds = await api.getInvoices(T, undefined, undefined, undefined, [a.invoiceID ?? "", b.invoiceID ?? ""]);
    expect(byIds.body.invoices?.map((i) => i.reference).sort()).toEqual(["FILTER-A", "FILTER-B"]);
    const byNumber = await api.getInvoices(T, undefined, undefined, undefined, undefined, [a.invoiceNumber ?? ""]);
    expect(byNumber.body.invoices?.map((i) => i.invoiceID)).toEqual([a.invoiceID]);
    const byStatus = await api.getInvoices(
      T,
      undefined,
      undefined,
      undefined,
      [a.invoiceID ?? "", b.invoiceID ?? ""],
      undefined,
      undefined,
      ["DRAFT"],
    );
    expect(byStatus.body.invoices?.map((i) => i.reference)).toEqual(["FILTER-B"]);
    const where = await api.getInvoices(
      T,
      undefined,
      `Reference=="FILTER-A" AND Contact.ContactID==Guid("${contactId}") AND Date>=DateTime(2025, 03, 01)`,
    );
    expect(where.body.invoices?.map((i) => i.invoiceID)).toEqual([a.invoiceID]);
    const byContact = await api.getInvoices(T, undefined, undefined, undefined, undefined, undefined, [
      noEmailContactId,
    ]);
    expect(byContact.body.invoices).toEqual([]);
    h.sandbox.admin.createInvoice(T, {
      Type: "ACCREC",
      Contact: { ContactID: contactId },
      Reference: "FROM-XERO-UI",
      LineItems: [{ Description: "x", Quantity: 1, UnitAmount: 1 }],
    });
    const mine = await api.getInvoices(
      T,
      undefined,
      'Reference=="FROM-XERO-UI"',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(mine.body.invoices).toEqual([]);
    const bad = await xeroError(api.getInvoices(T, undefined, "Nonsense==1"));
    expect(bad.body).toMatchObject({ Type: "QueryParseException" });
  });

  it("pages up to 1000 with full lines and honours If-Modified-Since", async () => {
    const paged = await api.getInvoices(
      T,
      undefined,
      undefined,
      "InvoiceNumber ASC",
      undefined,
      undefined,
      undefined,
      undefined,
      1,
      undefined,
      undefined,
      undefined,
      undefined,
      5000,
    );
    expect(paged.body.pagination?.pageSize).toBe(1000);
    expect(paged.body.invoices?.[0]?.lineItems?.length).toBeGreaterThan(0);
    const unpaged = await api.getInvoices(T);
    expect(unpaged.body.invoices?.[0]?.lineItems).toBeUndefined();
    const cutoff = new Date(h.sandbox.admin.now().getTime());
    h.sandbox.admin.advanceClock(5000);
    const fresh = await createOne({ reference: "AFTER-CUTOFF" });
    const since = await api.getInvoices(T, cutoff);
    expect(since.body.invoices?.map((i) => i.invoiceID)).toEqual([fresh.invoiceID]);
  });

  it("gets one invoice by id or number, 404 for unknown", async () => {
    const invoice = await createOne();
    expect((await api.getInvoice(T, invoice.invoiceID ?? "")).body.invoices?.[0]?.invoiceNumber).toBe(
      invoice.invoiceNumber,
    );
    expect((await api.getInvoice(T, invoice.invoiceNumber ?? "")).body.invoices?.[0]?.invoiceID).toBe(
      invoice.invoiceID,
    );
    expect((await xeroError(api.getInvoice(T, "00000000-0000-0000-0000-000000000000"))).statusCode).toBe(404);
  });
});

describe("email and online invoice", () => {
  it("emails approved invoices (204), refuses drafts and contacts without email", async () => {
    const approved = await createOne();
    const sent = await api.emailInvoice(T, approved.invoiceID ?? "", {});
    expect(sent.response.status).toBe(204);
    expect(
      h.sandbox.admin
        .emails(T)
        .some((e) => e.invoiceId === approved.invoiceID && e.to === "finance@cityagency.example"),
    ).toBe(true);
    expect((await api.getInvoice(T, approved.invoiceID ?? "")).body.invoices?.[0]?.sentToContact).toBe(true);
    const draft = await createOne({ status: status("DRAFT") });
    expect(validationMessages((await xeroError(api.emailInvoice(T, draft.invoiceID ?? "", {}))).body)).toEqual([
      "Invoice not of valid status for sending",
    ]);
    const noEmail = (await api.createInvoices(T, { invoices: [salesInvoice(noEmailContactId)] }, false)).body
      .invoices?.[0];
    expect(validationMessages((await xeroError(api.emailInvoice(T, noEmail?.invoiceID ?? "", {}))).body)).toEqual([
      "The contact does not have a valid email address.",
    ]);
  });

  it("returns an online invoice URL that serves the invoice", async () => {
    const invoice = await createOne();
    const online = await api.getOnlineInvoice(T, invoice.invoiceID ?? "");
    const url = online.body.onlineInvoices?.[0]?.onlineInvoiceUrl ?? "";
    const page = await fetch(url);
    expect(await page.text()).toContain(invoice.invoiceNumber ?? "missing");
    const draft = await createOne({ status: status("DRAFT") });
    expect((await xeroError(api.getOnlineInvoice(T, draft.invoiceID ?? ""))).statusCode).toBe(400);
  });
});
