import { describe, expect, it } from "vitest";
import { amountTypes, status } from "./fixtures.ts";
import { api, createOne, day, h, line, read, setUpFlows, T } from "./flows-harness.ts";
import { validationMessages, xeroError } from "./harness.ts";

// Settings reads and invoices, end to end through xero-node.
setUpFlows();

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
