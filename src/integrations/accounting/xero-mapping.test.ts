import { describe, expect, it } from "vitest";
import { Invoice } from "xero-node";
import { fromXeroInvoice, parseXeroFailure, toXeroInvoice, xeroValidationMessages } from "./xero-mapping.ts";

describe("xero mapping", () => {
  it("sends minor units as 2-dp decimals, the contact by id only, and the runtime enum strings", () => {
    const invoice = toXeroInvoice({
      contactId: "c-1",
      currency: "USD",
      date: "2026-01-10",
      dueDate: "2026-02-10",
      reference: "Deposit",
      status: "AUTHORISED",
      lineAmountTypes: "Exclusive",
      brandingThemeId: null,
      lines: [{ description: "Website", quantity: "1", unitAmount: 82_501, accountCode: "200", taxType: null }],
    });
    expect(invoice.contact).toEqual({ contactID: "c-1" });
    expect(String(invoice.status)).toBe("AUTHORISED");
    expect(String(invoice.type)).toBe("ACCREC");
    expect(String(invoice.lineAmountTypes)).toBe("Exclusive");
    expect(invoice.lineItems?.[0]).toMatchObject({ unitAmount: 825.01, accountCode: "200", quantity: 1 });
    expect(invoice.lineItems?.[0]?.taxType).toBeUndefined();
  });

  it("reads Xero's decimals back into exact minor units", () => {
    const invoice = Object.assign(new Invoice(), {
      invoiceID: "i-1",
      invoiceNumber: "INV-0001",
      status: "PAID",
      currencyCode: "NZD",
      subTotal: 0.1,
      totalTax: 0.02,
      total: 0.12,
      amountPaid: 0.12,
      amountDue: 0,
    });
    expect(fromXeroInvoice(invoice, "NZD")).toEqual({
      id: "i-1",
      number: "INV-0001",
      reference: null,
      status: "PAID",
      dueDate: null,
      fullyPaidOn: null,
      currency: "NZD",
      subtotalAmount: 10,
      taxAmount: 2,
      totalAmount: 12,
      amountPaidAmount: 12,
      amountDueAmount: 0,
      // What the workspace sync reads too: none of them given here.
      type: null,
      contactId: null,
      issueDate: null,
      updatedAt: null,
      repeatingInvoiceId: null,
    });
  });

  it("reads a currency Xero left out as the one asked for, rounds rather than refuses extra places, and reads .NET dates", () => {
    const invoice = Object.assign(new Invoice(), {
      invoiceID: "i-2",
      invoiceNumber: "INV-0002",
      status: "AUTHORISED",
      total: 1234.5,
      amountDue: 1234.5,
      dueDate: "/Date(1767916800000+0000)/",
    });
    expect(fromXeroInvoice(invoice, "JPY")).toMatchObject({
      currency: "JPY",
      totalAmount: 1235,
      amountDueAmount: 1235,
      dueDate: "2026-01-09",
    });
  });

  it("keeps Xero's validation messages from elements, lines and contacts", () => {
    const body = {
      Message: "A validation exception occurred",
      Elements: [
        {
          ValidationErrors: [{ Message: "Account must be valid." }],
          LineItems: [{ ValidationErrors: [{ Message: "Tax rate must be valid." }] }],
          Contact: { ValidationErrors: [{ Message: "Account must be valid." }] },
        },
      ],
    };
    expect(xeroValidationMessages(body)).toEqual(["Account must be valid.", "Tax rate must be valid."]);
    expect(xeroValidationMessages("")).toEqual([]);
  });

  it("parses the SDK's JSON-string rejections, including an empty 429 with Retry-After", () => {
    const rejection = JSON.stringify({ response: { statusCode: 429, body: "", headers: { "retry-after": "3" } } });
    expect(parseXeroFailure(rejection)).toEqual({ status: 429, body: "", retryAfterSeconds: 3 });
    expect(parseXeroFailure(new Error("boom"))).toEqual({ status: 0, body: "boom", retryAfterSeconds: null });
    expect(parseXeroFailure("not json").status).toBe(0);
  });
});
