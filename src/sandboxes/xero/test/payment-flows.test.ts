import { describe, expect, it } from "vitest";
import type { Payment } from "xero-node";
import { salesInvoice, status } from "./fixtures.ts";
import { api, createOne, day, h, noEmailContactId, read, setUpFlows, T } from "./flows-harness.ts";
import { validationMessages, xeroError } from "./harness.ts";

// Payments into bank accounts and emailing invoices, end to end through xero-node.
setUpFlows();

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
