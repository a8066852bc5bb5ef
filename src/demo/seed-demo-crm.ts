import { and, eq } from "drizzle-orm";
import type { Actor, Ctx } from "../context.ts";
import type { Db } from "../db/client.ts";
import { members } from "../db/schema/index.ts";
import type { Clock } from "../lib/clock.ts";
import { SCOPES } from "../modules/access/index.ts";
import { createCompany, createContact, createProduct } from "../modules/crm/index.ts";
import type { PaymentStatus } from "../modules/invoices/engine/index.ts";
import { approveInvoice, createInvoice, getInvoice, recordPayment } from "../modules/invoices/index.ts";
import { addLine, createOpportunity, setPaymentStatus } from "../modules/opportunities/index.ts";
import { seedDemoReceivables } from "./seed-demo-receivables.ts";

type Deps = { db: Db; clock: Clock; workspaceId: string; adminUserId: string };

type DemoInvoice = "deposit" | "full" | "full_paid" | "ongoing_paid";

/** A line to seed: product key, quantity, the invoice that moves it, then a manual correction. */
type LineSeed = [product: string, quantity: number, invoice?: DemoInvoice, manual?: PaymentStatus];

const PRODUCTS = {
  website: { name: "Website build", sku: "WEB-BUILD", unit_amount: 850_000, deposit_percent: 50, tax_rate: 15 },
  seo: { name: "SEO audit", sku: "SEO-AUDIT", unit_amount: 120_000, tax_rate: 15 },
  hosting: { name: "Managed hosting", sku: "HOST-M", unit_amount: 4_900, billing: "recurring", unit: "month" },
  retainer: { name: "Support retainer", sku: "SUP-10H", unit_amount: 95_000, billing: "recurring", unit: "month" },
  workshop: { name: "Brand workshop", sku: "BRAND-WS", unit_amount: 180_000, deposit_percent: 30, unit: "day" },
} as const;

const DEALS: { name: string; company: string; contact: string; stage: string; lines: LineSeed[] }[] = [
  {
    name: "Website rebuild — Harbour Dental",
    company: "Harbour Dental",
    contact: "Mia Chen",
    stage: "negotiation",
    lines: [
      ["website", 1, "deposit"],
      ["hosting", 12],
      ["seo", 1, "full_paid"],
    ],
  },
  {
    name: "Brand refresh — Kauri Builders",
    company: "Kauri Builders",
    contact: "Tom Walker",
    stage: "proposal",
    lines: [
      ["workshop", 2, "full"],
      ["website", 1],
    ],
  },
  {
    name: "Ongoing support — Tidewater Legal",
    company: "Tidewater Legal",
    contact: "Priya Nair",
    stage: "won",
    lines: [
      ["retainer", 6, "ongoing_paid", "invoiced"],
      ["hosting", 12, undefined, "paid"],
    ],
  },
];

/**
 * A real native invoice for one line, sent (and paid when asked), so the demo's statuses come from the same
 * path a user takes: the invoice moves the line up the ladder.
 */
async function raiseDemoInvoice(ctx: Ctx, opportunityId: string, lineId: string, kind: DemoInvoice): Promise<void> {
  const portion = kind === "full_paid" ? "full" : kind === "ongoing_paid" ? "ongoing" : kind;
  const draft = await createInvoice(ctx, {
    opportunity_id: opportunityId,
    portion,
    line_ids: [lineId],
    reference: "Demo",
  });
  const sent = await approveInvoice(ctx, { id: draft.id });
  if (kind.endsWith("_paid")) {
    const paidOn = ctx.clock.now().toISOString().slice(0, 10);
    const { totalAmount } = await getInvoice(ctx, { id: sent.id });
    await recordPayment(ctx, { invoice_id: sent.id, amount: totalAmount, paid_on: paidOn, method: "bank_transfer" });
  }
}

/** Demo CRM records (companies, products, opportunities with lines in every status) for a new workspace. */
export async function seedDemoCrm(deps: Deps): Promise<void> {
  const [member] = await deps.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, deps.workspaceId), eq(members.userId, deps.adminUserId)));
  const admin: Actor = member
    ? {
        kind: "member",
        workspaceId: deps.workspaceId,
        userId: deps.adminUserId,
        memberId: member.id,
        scopes: new Set(SCOPES),
      }
    : { kind: "system", workspaceId: deps.workspaceId, scopes: new Set(SCOPES) };
  const ctx: Ctx = { db: deps.db, clock: deps.clock, actor: admin };
  const productIds: Record<string, string> = {};
  for (const [key, product] of Object.entries(PRODUCTS)) {
    productIds[key] = (await createProduct(ctx, { currency: "NZD", ...product })).id;
  }
  for (const deal of DEALS) {
    const company = await createCompany(ctx, { name: deal.company });
    const email = `${deal.contact.split(" ")[0]?.toLowerCase()}@example.com`;
    const contact = await createContact(ctx, { name: deal.contact, company_id: company.id, email });
    const opportunity = await createOpportunity(ctx, {
      name: deal.name,
      company_id: company.id,
      primary_contact_id: contact.id,
      currency: "NZD",
      stage: deal.stage,
      status: deal.stage === "won" ? "won" : "open",
    });
    for (const [product, quantity, invoice, manual] of deal.lines) {
      const line = await addLine(ctx, {
        opportunity_id: opportunity.id,
        product_id: productIds[product] ?? "",
        quantity,
      });
      if (invoice) {
        await raiseDemoInvoice(ctx, opportunity.id, line.id, invoice);
      }
      if (manual) {
        await setPaymentStatus(ctx, { lineId: line.id, status: manual });
      }
    }
  }
  await seedDemoReceivables(ctx);
}
