import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { invoicePayments } from "../../src/db/schema/invoices.ts";
import { businessEvents, paymentLogs, stripeEvents } from "../../src/db/schema/payments.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import type { startStripeServer } from "../support/stripe-server.ts";
import { httpClient } from "../support/xero-server.ts";

export type StripeServer = Awaited<ReturnType<typeof startStripeServer>>;
export type Api = ReturnType<typeof httpClient>;
export type Workspace = Awaited<ReturnType<typeof seedWorkspace>> & { api: Api };

export const DAY_MS = 24 * 3600_000;

export async function workspace(database: Database, server: StripeServer, name: string): Promise<Workspace> {
  const ws = await seedWorkspace(database, name);
  return { ...ws, api: httpClient(server.origin, ws.apiKey) };
}

/** An approved native invoice for the whole of a two-line deal, over the API. */
export async function approvedInvoice(ws: Workspace) {
  const deal = await seedDeal(ws.ctx, 2);
  const opportunityId = deal.opportunity.id;
  const invoice = await ws.api("POST", `/api/v1/opportunities/${opportunityId}/invoices`, { portion: "full" });
  expect(invoice.status).toBe(201);
  expect((await ws.api("POST", `/api/v1/invoices/${invoice.body.id}/approve`)).status).toBe(200);
  return { opportunityId, invoiceId: invoice.body.id as string, total: invoice.body.total_amount as number };
}

/** Creates the invoice's payment link and answers Stripe's plink_… id. */
export async function paymentLink(ws: Workspace, invoiceId: string, body: Record<string, unknown> = {}) {
  const linked = await ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-link`, { mode: "one_time", ...body });
  expect(linked.status, JSON.stringify(linked.body)).toBe(201);
  return linked.body.payment_link.stripe_id as string;
}

/** Pays a link from the sandbox console, as the payer on the hosted page would. */
export async function pay(
  server: StripeServer,
  link: string,
  method: { card: string } | { bank_account: string } = { card: "4242424242424242" },
  email = "client@example.test",
) {
  const paid = await server.console("POST", "/pay", { payment_link: link, ...method, email });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return paid.body as {
    status: string;
    account: string;
    payment_intent: { id: string } | null;
    checkout_session: { id: string; subscription: string | null };
  };
}

export async function lineStatuses(ws: Workspace, opportunityId: string): Promise<string[]> {
  const lines = await ws.api("GET", `/api/v1/opportunities/${opportunityId}/products`);
  return lines.body.data.map((l: { payment_status: string }) => l.payment_status);
}

/** The database's own record of an invoice's payments: business events, logged rows and invoice payments. */
export async function recordsOf(database: Database, workspaceId: string, invoiceId: string) {
  const events = await database.db
    .select()
    .from(businessEvents)
    .where(and(eq(businessEvents.workspaceId, workspaceId), eq(businessEvents.invoiceId, invoiceId)));
  const logs = await database.db
    .select()
    .from(paymentLogs)
    .where(and(eq(paymentLogs.workspaceId, workspaceId), eq(paymentLogs.invoiceId, invoiceId)));
  const received = await database.db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, invoiceId));
  return {
    succeeded: events.filter((e) => e.type === "payment_succeeded"),
    failed: events.filter((e) => e.type === "payment_failed"),
    refunded: events.filter((e) => e.type === "payment_refunded"),
    logs,
    invoicePayments: received,
  };
}

export async function storedEventIds(database: Database): Promise<Set<string>> {
  const rows = await database.db.select({ id: stripeEvents.id }).from(stripeEvents);
  return new Set(rows.map((r) => r.id));
}
