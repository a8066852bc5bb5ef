import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { paymentLinks } from "../../src/db/schema/payments.ts";
import { newId } from "../../src/lib/ids.ts";
import { formatMoney } from "../../src/lib/money.ts";
import { createCompany, createContact } from "../../src/modules/crm/index.ts";
import { renderInvoicePdf } from "../../src/modules/documents/invoice-pdf.ts";
import { createOpportunity } from "../../src/modules/opportunities/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { occurrences, pdfText, renderFirstPage, solidPng } from "./pdf-support.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Northwind Studio");
  api = client(app, ws.apiKey);
  const branded = await api.patch("/api/v1/branding", {
    display_name: "Northwind Design Ltd",
    address: "12 Quay Street\nAuckland 1010",
    tax_number: "GST 123-456-789",
    payment_terms: "Payment within 14 days by bank transfer to 12-3456-7890123-00.",
    accent_color: "#0a7d5a",
  });
  expect(branded.status).toBe(200);
  const logo = await api.call("PUT", "/api/v1/branding/logo", {
    data_base64: solidPng(120, 40, [10, 125, 90]).toString("base64"),
  });
  expect(logo.status).toBe(200);
});
afterAll(() => database.close());

async function pdfOf(invoiceId: string, key = ws.apiKey) {
  const res = await app.request(`/api/v1/invoices/${invoiceId}/pdf`, { headers: { authorization: `Bearer ${key}` } });
  return { res, pdf: Buffer.from(await res.arrayBuffer()) };
}

/** An opportunity in `currency` with a native invoice of the given free lines. */
async function freeInvoice(
  currency: string,
  lines: { description: string; quantity?: string; unit_amount: number; tax_rate?: string }[],
  companyName = `Client ${currency}`,
) {
  const company = await createCompany(ws.ctx, { name: companyName });
  const contact = await createContact(ws.ctx, {
    name: "Aroha Ngata",
    company_id: company.id,
    email: "aroha@example.test",
  });
  const opportunity = await createOpportunity(ws.ctx, {
    name: `Job in ${currency}`,
    company_id: company.id,
    primary_contact_id: contact.id,
    currency,
  });
  const created = await api.post(`/api/v1/opportunities/${opportunity.id}/invoices`, {
    portion: "full",
    line_ids: [],
    free_lines: lines,
    due_date: "2026-12-31",
  });
  expect(created.status).toBe(201);
  return created.body;
}

describe("GET /invoices/{id}/pdf", () => {
  it("prints a balance invoice with branding, bill-to, lines, totals and the deposit already invoiced", async () => {
    const deal = await seedDeal(ws.ctx, 2);
    const opp = deal.opportunity.id;
    const deposit = (await api.post(`/api/v1/opportunities/${opp}/invoices`, { portion: "deposit" })).body;
    expect((await api.post(`/api/v1/invoices/${deposit.id}/approve`)).status).toBe(200);
    const balance = (
      await api.post(`/api/v1/opportunities/${opp}/invoices`, { portion: "balance", reference: "PO-77" })
    ).body;
    await api.post(`/api/v1/invoices/${balance.id}/approve`);
    await api.post(`/api/v1/invoices/${balance.id}/payments`, { amount: 5000, paid_on: "2026-11-20", method: "cash" });
    const invoice = (await api.get(`/api/v1/invoices/${balance.id}`)).body;

    const { res, pdf } = await pdfOf(balance.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${invoice.number}.pdf"`);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const text = await pdfText(pdf);
    const usd = (minor: number) => formatMoney(minor, "USD");
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toContain("Balance invoice");
    expect(text).toContain("Northwind Design Ltd");
    expect(text).toContain("12 Quay Street");
    expect(text).toContain("GST 123-456-789");
    expect(text).toContain(deal.company.name);
    expect(text).toContain("Mia Chen");
    expect(text).toContain("mia@example.test");
    expect(text).toContain("Reference: PO-77");
    for (const line of invoice.lines) {
      expect(text).toContain(line.description);
      expect(text).toContain(usd(line.amount));
      expect(text).toContain(`${line.tax_rate}%`);
    }
    expect(text).toMatch(new RegExp(`Subtotal\\s+${escapeRe(usd(invoice.subtotal_amount))}`));
    expect(text).toMatch(new RegExp(`Tax\\s+${escapeRe(usd(invoice.tax_amount))}`));
    expect(text).toMatch(new RegExp(`Total\\s+${escapeRe(usd(invoice.total_amount))}`));
    expect(text).toMatch(new RegExp(`Amount paid\\s+${escapeRe(usd(5000))}`));
    expect(text).toMatch(new RegExp(`Amount due\\s+${escapeRe(usd(invoice.amount_due_amount))}`));
    expect(text).toContain("Deposit already invoiced");
    expect(text).toContain(`${deposit.number} · issued`);
    expect(text).toContain(usd(deposit.total_amount));
    expect(text).toContain("Payment within 14 days");
    expect(text).not.toContain("Pay now");

    // Rendered twice, the same invoice is the same file.
    expect((await renderInvoicePdf(database.db, ws.workspaceId, balance.id)).content.equals(pdf)).toBe(true);
    const page = await renderFirstPage(pdf, process.env.KEEP_PDF_PAGE);
    expect(page.subarray(1, 4).toString()).toBe("PNG");
  });

  it("does not show the deposit on a deposit or full invoice", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const deposit = (await api.post(`/api/v1/opportunities/${deal.opportunity.id}/invoices`, { portion: "deposit" }))
      .body;
    const text = await pdfText((await pdfOf(deposit.id)).pdf);
    expect(text).toContain("Deposit invoice");
    expect(text).toContain("Draft");
    expect(text).not.toContain("Deposit already invoiced");
  });

  it("prints each currency with its own minor units", async () => {
    const cases = [
      { currency: "JPY", unit: 123_456, expected: "¥123,456" },
      { currency: "KWD", unit: 1_234_567, expected: "KWD 1,234.567" },
      { currency: "NZD", unit: 123_450, expected: "NZ$1,234.50" },
    ];
    for (const { currency, unit, expected } of cases) {
      const invoice = await freeInvoice(currency, [
        { description: `Service in ${currency}`, unit_amount: unit, tax_rate: "10" },
      ]);
      const text = await pdfText((await pdfOf(invoice.id)).pdf);
      expect(formatMoney(unit, currency).replace(/\u00a0/g, " ")).toBe(expected);
      expect(text).toContain(expected);
      expect(text).toMatch(
        new RegExp(`Total\\s+${escapeRe(formatMoney(invoice.total_amount, currency).replace(/\u00a0/g, " "))}`),
      );
      expect(text).toContain(`Currency: ${currency}`);
    }
  });

  it("prints a tax-inclusive invoice with gross line amounts and the tax it includes", async () => {
    const other = await seedWorkspace(database, "Inclusive Co");
    const otherApi = client(app, other.apiKey);
    expect((await otherApi.patch("/api/v1/settings/invoicing", { tax_mode: "inclusive" })).status).toBe(200);
    const company = await createCompany(other.ctx, { name: "Kiwi Cafe" });
    const opportunity = await createOpportunity(other.ctx, {
      name: "Fit-out",
      company_id: company.id,
      currency: "NZD",
    });
    const created = await otherApi.post(`/api/v1/opportunities/${opportunity.id}/invoices`, {
      portion: "full",
      line_ids: [],
      free_lines: [{ description: "Coffee machine", unit_amount: 11_500, tax_rate: "15" }],
    });
    expect(created.body).toMatchObject({ tax_mode: "inclusive", total_amount: 11_500, tax_amount: 1_500 });
    const text = await pdfText((await pdfOf(created.body.id, other.apiKey)).pdf);
    expect(text).toContain("Amount (incl. tax)");
    expect(text).toMatch(/Coffee machine\s+1\s+NZ\$115\.00\s+15%\s+NZ\$115\.00/);
    expect(text).toMatch(/Subtotal \(excl\. tax\)\s+NZ\$100\.00/);
    expect(text).toMatch(/Tax included\s+NZ\$15\.00/);
    expect(text).toMatch(/Total \(incl\. tax\)\s+NZ\$115\.00/);
    expect(text).toContain("Prices include tax.");
    // Branding is per workspace: this one never set any.
    expect(text).toContain("Inclusive Co");
    expect(text).not.toContain("Northwind");
  });

  it("prints markup in names as text", async () => {
    const invoice = await freeInvoice(
      "USD",
      [{ description: "<b>bold</b> & <i>co</i>", unit_amount: 100 }],
      "<script>",
    );
    const text = await pdfText((await pdfOf(invoice.id)).pdf);
    expect(text).toContain("<script>");
    expect(text).toContain("<b>bold</b> & <i>co</i>");
  });

  it("prints names in Cyrillic, Greek and Central European letters as written", async () => {
    const names = ["ООО «Ромашка»", "Ωμέγα Σύμβουλοι", "Zażółć gęślą jaźń, Łódź"];
    const invoice = await freeInvoice(
      "EUR",
      names.slice(1).map((description) => ({ description, unit_amount: 2_500 })),
      names[0],
    );
    const text = await pdfText((await pdfOf(invoice.id)).pdf);
    for (const name of names) expect(text).toContain(name);
  });

  it("wraps long descriptions and repeats the table header on every page", async () => {
    const long = "Ongoing maintenance of the booking platform including security patches, uptime monitoring, ";
    const lines = Array.from({ length: 90 }, (_, i) => ({
      description: `Item ${i + 1}: ${long}${i % 3 === 0 ? long + long : ""}end ${i + 1}`,
      unit_amount: 1_000 + i,
    }));
    const invoice = await freeInvoice("USD", lines);
    const { pdf } = await pdfOf(invoice.id);
    const text = await pdfText(pdf);
    const pages = text.split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBeGreaterThan(2);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    }
    // Every page that carries lines starts them under the column headings.
    const withLines = pages.filter((p) => /Item \d+:/.test(p));
    expect(withLines.length).toBeGreaterThan(2);
    for (const page of withLines) expect(page).toMatch(/Description\s+Qty\s+Unit price\s+Tax\s+Amount/);
    expect(occurrences(text, "Description")).toBe(withLines.length);
    // Wrapped: the end of a long description sits on a later line than its start, and nothing is lost.
    for (const i of [1, 45, 90]) expect(text).toContain(`end ${i}`);
    expect(text).not.toMatch(/Item 1:[^\n]*end 1\n/);
    expect(text).toMatch(new RegExp(`Total\\s+${escapeRe(formatMoney(invoice.total_amount, "USD"))}`));
  });

  it("shows a clickable Pay now link when the invoice has an active payment link", async () => {
    const invoice = await freeInvoice("USD", [{ description: "Retainer", unit_amount: 50_000 }]);
    const url = "https://buy.stripe.com/test_pay_now_123";
    const now = new Date();
    await database.db.insert(paymentLinks).values({
      id: newId("paymentLink", now),
      workspaceId: ws.workspaceId,
      invoiceId: invoice.id,
      stripeAccountId: "acct_test",
      stripeLinkId: "plink_test",
      url,
      mode: "one_time",
      amount: 50_000,
      currency: "USD",
    });
    const { pdf } = await pdfOf(invoice.id);
    const text = await pdfText(pdf);
    expect(text).toContain("Pay now");
    expect(text).toContain(url);
    // A link annotation, not just the words.
    expect(pdf.toString("latin1")).toMatch(
      /\/Subtype \/Link[\s\S]*?\/URI \(https:\/\/buy\.stripe\.com\/test_pay_now_123\)/,
    );
  });

  it("is 404 for another workspace's invoice and 403 without invoices:read", async () => {
    const invoice = await freeInvoice("USD", [{ description: "Secret", unit_amount: 100 }]);
    const other = await seedWorkspace(database, "Elsewhere");
    const foreign = await pdfOf(invoice.id, other.apiKey);
    expect(foreign.res.status).toBe(404);
    const blind = await keyWithScopes(database, ws, ["opportunities:read", "invoices:write"]);
    const denied = await pdfOf(invoice.id, blind);
    expect(denied.res.status).toBe(403);
    expect(JSON.parse(denied.pdf.toString()).error.required_scope).toBe("invoices:read");
    expect((await pdfOf("inv_missing")).res.status).toBe(404);
  });
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\$]/g, "\\$&");
}
