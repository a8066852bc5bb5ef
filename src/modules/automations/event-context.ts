import { and, eq } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { businessEvents, companies, contacts, invoices, opportunities } from "../../db/schema/index.ts";
import { formatMoney, subtractMinor } from "../../lib/money.ts";
import { canSeePaymentStatus } from "../opportunities/index.ts";
import type { ConditionFacts } from "./conditions.ts";

export type BusinessEventRow = typeof businessEvents.$inferSelect;
type InvoiceRow = typeof invoices.$inferSelect;
type OpportunityRow = typeof opportunities.$inferSelect;

/** An event with the records it is about, as they are when the run looks (stage, company name, amount due). */
export type EventContext = {
  event: BusinessEventRow;
  invoice: InvoiceRow | null;
  opportunity: OpportunityRow | null;
  company: { id: string; name: string } | null;
  contact: { id: string; name: string; email: string | null } | null;
};

export async function loadEvent(db: DbOrTx, workspaceId: string, eventId: string) {
  const [event] = await db
    .select()
    .from(businessEvents)
    .where(and(eq(businessEvents.workspaceId, workspaceId), eq(businessEvents.id, eventId)));
  return event ?? null;
}

export async function loadEventContext(db: DbOrTx, event: BusinessEventRow): Promise<EventContext> {
  const ws = event.workspaceId;
  const [invoice] = event.invoiceId
    ? await db
        .select()
        .from(invoices)
        .where(and(eq(invoices.workspaceId, ws), eq(invoices.id, event.invoiceId)))
    : [];
  const opportunityId = event.opportunityId ?? invoice?.opportunityId ?? null;
  const [opportunity] = opportunityId
    ? await db
        .select()
        .from(opportunities)
        .where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, opportunityId)))
    : [];
  const [company] = opportunity
    ? await db
        .select({ id: companies.id, name: companies.name })
        .from(companies)
        .where(and(eq(companies.workspaceId, ws), eq(companies.id, opportunity.companyId)))
    : [];
  const [contact] = opportunity?.primaryContactId
    ? await db
        .select({ id: contacts.id, name: contacts.name, email: contacts.email })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, ws), eq(contacts.id, opportunity.primaryContactId)))
    : [];
  return {
    event,
    invoice: invoice ?? null,
    opportunity: opportunity ?? null,
    company: company ?? null,
    contact: contact ?? null,
  };
}

/** Event fields that carry no revenue: they pass to an owner without invoices:read. */
const PUBLIC_KEYS = new Set(["line_id", "source"]);
const STAGE_KEYS = new Set(["from", "to", "from_status", "to_status"]);

/**
 * The event's own fields as the owner may see them: without invoices:read no invoice field, amount or payment
 * status (a line's from/to) is kept, exactly as REST and MCP strip them (canSeePaymentStatus).
 */
export function visibleEventData(actor: Actor, event: BusinessEventRow): Record<string, unknown> {
  if (canSeePaymentStatus(actor)) return event.data;
  const stage = event.type === "opportunity_stage_changed";
  return Object.fromEntries(
    Object.entries(event.data).filter(([key]) => PUBLIC_KEYS.has(key) || (stage && STAGE_KEYS.has(key))),
  );
}

export function conditionFacts(actor: Actor, context: EventContext): ConditionFacts {
  const data = visibleEventData(actor, context.event);
  const revenue = canSeePaymentStatus(actor);
  const invoice = revenue ? context.invoice : null;
  const facts: ConditionFacts = {};
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const amount = typeof data.amount === "number" ? data.amount : invoice?.totalAmount;
  if (amount !== undefined) facts.amount = amount;
  const currency = text(data.currency) ?? invoice?.currency;
  if (currency) facts.currency = currency;
  const portion = text(data.portion) ?? invoice?.billedPortion;
  if (portion) facts.portion = portion;
  const provider = text(data.provider) ?? invoice?.provider;
  if (provider) facts.provider = provider;
  if (text(data.source)) facts.source = data.source as string;
  if (text(data.from)) facts.from = data.from as string;
  if (text(data.to)) facts.to = data.to as string;
  if (context.company) facts.company = [context.company.id, context.company.name];
  if (context.opportunity) {
    facts.opportunity_stage = context.opportunity.stage;
    facts.opportunity_status = context.opportunity.status;
  }
  return facts;
}

/** The merge fields of an email action; revenue fields are empty for an owner without invoices:read. */
export function mergeFields(actor: Actor, context: EventContext): Record<string, string> {
  const fields: Record<string, string> = {};
  if (context.company) fields["company.name"] = context.company.name;
  if (context.contact) fields["contact.name"] = context.contact.name;
  if (context.opportunity) {
    fields["opportunity.name"] = context.opportunity.name;
    fields["opportunity.stage"] = context.opportunity.stage;
    fields["opportunity.status"] = context.opportunity.status;
  }
  const invoice = context.invoice;
  if (invoice && canSeePaymentStatus(actor)) {
    fields["invoice.number"] = invoice.number;
    fields["invoice.total"] = formatMoney(invoice.totalAmount, invoice.currency);
    fields["invoice.due_date"] = invoice.dueDate ?? "";
    fields.amount_due = formatMoney(subtractMinor(invoice.totalAmount, invoice.amountPaidAmount), invoice.currency);
    const amount = context.event.data.amount;
    const currency = context.event.data.currency;
    fields.amount =
      typeof amount === "number" && typeof currency === "string"
        ? formatMoney(amount, currency)
        : fields["invoice.total"];
  }
  return fields;
}

/** The JSON a webhook receives: `{type, occurred_at, data}`, stripped for the owner's scopes at run time. */
export function webhookPayload(actor: Actor, context: EventContext, run: { id: string; automationId: string }) {
  const revenue = canSeePaymentStatus(actor);
  const { invoice, opportunity, company } = context;
  return {
    type: context.event.type,
    occurred_at: context.event.occurredAt.toISOString(),
    data: {
      event_id: context.event.id,
      automation_id: run.automationId,
      run_id: run.id,
      ...visibleEventData(actor, context.event),
      ...(invoice && revenue
        ? {
            invoice: {
              id: invoice.id,
              number: invoice.number,
              provider: invoice.provider,
              status: invoice.status,
              portion: invoice.billedPortion,
              currency: invoice.currency,
              total_amount: invoice.totalAmount,
              amount_paid_amount: invoice.amountPaidAmount,
              amount_due: subtractMinor(invoice.totalAmount, invoice.amountPaidAmount),
              due_date: invoice.dueDate,
            },
          }
        : {}),
      ...(opportunity
        ? {
            opportunity: {
              id: opportunity.id,
              name: opportunity.name,
              stage: opportunity.stage,
              status: opportunity.status,
              company_id: opportunity.companyId,
            },
          }
        : {}),
      ...(company ? { company } : {}),
    },
  };
}
