import { and, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { companies, invoices, opportunities, workspaces } from "../../db/schema/index.ts";
import { subtractMinor } from "../../lib/money.ts";
import { parseInput } from "../../lib/validation.ts";
import { paymentLinksOf } from "../invoices/payment-links-of.ts";
import { openPortalLink, type PortalAccess, type PortalCtx } from "./open-portal-link.ts";
import { PortalTokenInput } from "./schemas.ts";

/** What a client sees of an invoice: the three states that matter to a payer. */
export const PORTAL_INVOICE_STATES = ["awaiting_payment", "paid", "void"] as const;
export type PortalInvoiceState = (typeof PORTAL_INVOICE_STATES)[number];

export type PortalInvoice = {
  id: string;
  number: string;
  state: PortalInvoiceState;
  currency: string;
  totalAmount: number;
  amountDueAmount: number;
  issueDate: string;
  dueDate: string | null;
  /** The invoice's active Stripe payment link, while there is something to pay. */
  payUrl: string | null;
};

/** Drafts and deleted invoices were never the client's; everything else (native or Xero) is. */
const SHOWN_STATUSES = ["SUBMITTED", "AUTHORISED", "PAID", "VOIDED"] as const;

function stateOf(status: (typeof SHOWN_STATUSES)[number]): PortalInvoiceState {
  if (status === "PAID") return "paid";
  if (status === "VOIDED") return "void";
  return "awaiting_payment";
}

/**
 * The invoices of the link's company, newest first: those raised on its opportunities, in the link's
 * workspace. A Xero invoice still being created (no Xero id yet) does not exist for the client.
 */
export async function portalInvoicesOf(ctx: PortalCtx, access: PortalAccess): Promise<PortalInvoice[]> {
  const rows = await ctx.db
    .select({ invoice: invoices })
    .from(invoices)
    .innerJoin(
      opportunities,
      and(eq(opportunities.id, invoices.opportunityId), eq(opportunities.workspaceId, invoices.workspaceId)),
    )
    .where(
      and(
        eq(invoices.workspaceId, access.workspaceId),
        eq(opportunities.companyId, access.companyId),
        inArray(invoices.status, [...SHOWN_STATUSES]),
        or(eq(invoices.provider, "native"), isNotNull(invoices.externalId)),
      ),
    )
    .orderBy(desc(invoices.issueDate), desc(invoices.id));
  const links = await paymentLinksOf(
    ctx.db,
    access.workspaceId,
    rows.map((r) => r.invoice.id),
  );
  return rows.map(({ invoice }) => {
    const status = invoice.status as (typeof SHOWN_STATUSES)[number];
    const state = stateOf(status);
    const amountDueAmount = state === "void" ? 0 : subtractMinor(invoice.totalAmount, invoice.amountPaidAmount);
    const link = links.get(invoice.id);
    return {
      id: invoice.id,
      number: invoice.number,
      state,
      currency: invoice.currency,
      totalAmount: invoice.totalAmount,
      amountDueAmount,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      payUrl: state === "awaiting_payment" && amountDueAmount > 0 && link?.active ? link.url : null,
    };
  });
}

/** The portal's home: who the client is (their company) and their invoices; nothing about staff. */
export async function listPortalInvoices(ctx: PortalCtx, input: PortalTokenInput) {
  const parsed = parseInput(PortalTokenInput, input);
  const opening = await openPortalLink(ctx, parsed);
  if (!opening.ok) return opening;
  const { access } = opening;
  const [company] = await ctx.db
    .select({ name: companies.name, workspaceName: workspaces.name })
    .from(companies)
    .innerJoin(workspaces, eq(workspaces.id, companies.workspaceId))
    .where(and(eq(companies.workspaceId, access.workspaceId), eq(companies.id, access.companyId)));
  return {
    ok: true as const,
    access,
    companyName: company?.name ?? "",
    invoices: await portalInvoicesOf(ctx, access),
  };
}
