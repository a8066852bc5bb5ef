import type { Ctx } from "../context.ts";
import { percentOf } from "../lib/money.ts";
import { createCompany, createContact, createProduct, updateCompany } from "../modules/crm/index.ts";
import {
  addPayerCompany,
  approveInvoice,
  createInvoice,
  getInvoice,
  recordPayment,
} from "../modules/invoices/index.ts";
import { addLine, createOpportunity } from "../modules/opportunities/index.ts";

/** Days before today as YYYY-MM-DD. */
function daysAgo(ctx: Ctx, days: number): string {
  return new Date(ctx.clock.now().getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

type Client = {
  company: string;
  website: string;
  contacts: [name: string, email: string][];
  deal: string;
  stage: string;
  currency: "NZD" | "AUD";
  /** Invoices raised on the deal: days since issue, payment terms in days, share already paid (0–1). */
  invoices: [issuedDaysAgo: number, termsDays: number, paidShare: number][];
};

/**
 * More clients so every page has something to show: deals in each stage (one lost), a second currency, and
 * invoices of every age — current, 1–30, 31–60, 61–90 and 90+ days overdue, some part-paid — with payments
 * spread over past months for the paid-per-month chart.
 */
const CLIENTS: Client[] = [
  {
    company: "Pohutukawa Cafe",
    website: "https://pohutukawa.example.com",
    contacts: [
      ["Aroha Ngata", "aroha@pohutukawa.example.com"],
      ["Sam Lee", "sam@pohutukawa.example.com"],
    ],
    deal: "Online ordering — Pohutukawa Cafe",
    stage: "won",
    currency: "NZD",
    invoices: [
      [140, 20, 0],
      [75, 14, 0.5],
    ],
  },
  {
    company: "Southern Cross Physio",
    website: "https://scphysio.example.com",
    contacts: [["Liam O'Brien", "liam@scphysio.example.com"]],
    deal: "Booking site — Southern Cross Physio",
    stage: "won",
    currency: "AUD",
    invoices: [
      [40, 14, 0],
      [200, 30, 1],
    ],
  },
  {
    company: "Manuka Health",
    website: "https://manuka.example.com",
    contacts: [["Grace Park", "grace@manuka.example.com"]],
    deal: "Patient portal — Manuka Health",
    stage: "negotiation",
    currency: "NZD",
    invoices: [
      [60, 20, 0],
      [5, 20, 0],
    ],
  },
  {
    company: "Coastline Surveyors",
    website: "https://coastline.example.com",
    contacts: [["Ben Taylor", "ben@coastline.example.com"]],
    deal: "Maps integration — Coastline Surveyors",
    stage: "qualified",
    currency: "AUD",
    invoices: [[10, 30, 0]],
  },
  {
    company: "Riverbend School",
    website: "https://riverbend.example.com",
    contacts: [["Hana Suzuki", "hana@riverbend.example.com"]],
    deal: "Parent newsletter — Riverbend School",
    stage: "lead",
    currency: "NZD",
    invoices: [],
  },
  {
    company: "Blue Penguin Tours",
    website: "https://bluepenguin.example.com",
    contacts: [["Oliver Smith", "oliver@bluepenguin.example.com"]],
    deal: "Tour booking — Blue Penguin Tours",
    stage: "lost",
    currency: "NZD",
    invoices: [],
  },
];

export async function seedDemoReceivables(ctx: Ctx): Promise<void> {
  const build = {
    NZD: await createProduct(ctx, {
      name: "App development",
      sku: "APP-DEV",
      description: "Design and build, billed by the day",
      unit_amount: 140_000,
      currency: "NZD",
      unit: "day",
      tax_rate: 15,
      xero_account_code: "200",
    }),
    AUD: await createProduct(ctx, {
      name: "App development (AU)",
      sku: "APP-DEV-AU",
      unit_amount: 130_000,
      currency: "AUD",
      unit: "day",
      tax_rate: 10,
    }),
  };
  await createProduct(ctx, {
    name: "Analytics subscription",
    sku: "ANALYTICS-Y",
    description: "Dashboards and monthly report",
    unit_amount: 240_000,
    currency: "NZD",
    billing: "recurring",
    recurring_interval: "year",
    tax_rate: 15,
  });
  const deals = new Map<string, string>();
  for (const client of CLIENTS) {
    const company = await createCompany(ctx, { name: client.company, website: client.website });
    let primary: string | undefined;
    for (const [index, [name, email]] of client.contacts.entries()) {
      const contact = await createContact(ctx, { name, email, company_id: company.id, is_primary: index === 0 });
      primary ??= contact.id;
    }
    const opportunity = await createOpportunity(ctx, {
      name: client.deal,
      company_id: company.id,
      primary_contact_id: primary ?? null,
      currency: client.currency,
      stage: client.stage,
      status: client.stage === "won" ? "won" : client.stage === "lost" ? "lost" : "open",
    });
    deals.set(client.company, opportunity.id);
    await addLine(ctx, { opportunity_id: opportunity.id, product_id: build[client.currency].id, quantity: 8 });
    for (const [index, [issued, terms, paidShare]] of client.invoices.entries()) {
      const draft = await createInvoice(ctx, {
        opportunity_id: opportunity.id,
        portion: "full",
        line_ids: [],
        free_lines: [{ description: `Milestone ${index + 1}`, unit_amount: 180_000 + index * 65_000, tax_rate: "15" }],
        issue_date: daysAgo(ctx, issued),
        due_date: daysAgo(ctx, issued - terms),
        reference: "Demo",
      });
      const sent = await approveInvoice(ctx, { id: draft.id });
      if (paidShare > 0) {
        const { totalAmount } = await getInvoice(ctx, { id: sent.id });
        const amount = paidShare >= 1 ? totalAmount : percentOf(totalAmount, paidShare * 100);
        const paidOn = daysAgo(ctx, Math.max(0, issued - terms - 3));
        await recordPayment(ctx, { invoice_id: sent.id, amount, paid_on: paidOn, method: "bank_transfer" });
      }
    }
  }
  // A funder that pays part of a client's bills, so a company page shows its payer relations.
  const trust = await createCompany(ctx, { name: "Manuka Health Trust", website: "https://trust.manuka.example.com" });
  const funded = deals.get("Manuka Health");
  if (funded) await addPayerCompany(ctx, { opportunity_id: funded, company_id: trust.id });
  const archived = await createCompany(ctx, { name: "Kowhai Print (closed down)" });
  await updateCompany(ctx, { id: archived.id, archived: true });
}
