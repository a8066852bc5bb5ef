import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { jobs } from "../../src/db/schema/jobs.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { DEMO_APP } from "../../src/sandboxes/xero/identity/demo-app.ts";
import { signWebhookBody } from "../../src/sandboxes/xero/index.ts";
import { seedWorkspace } from "../support/builders.ts";
import { consentOnSandbox, httpClient, type startXeroServer } from "../support/xero-server.ts";

export type Server = Awaited<ReturnType<typeof startXeroServer>>;
export type Api = ReturnType<typeof httpClient>;

/**
 * A workspace connected to an organisation of its own (so its Xero calls have their own limits), with a
 * company linked to a new Xero contact and an NZD opportunity holding a one-off and a recurring line.
 */
export async function connectedWorkspace(database: Database, server: Server, name: string, clock?: Clock) {
  const tenantId = randomUUID();
  server.sandbox.admin.seedOrganisation({ organisationId: tenantId, name: `${name} Ltd`, countryCode: "NZ" });
  const ws = await seedWorkspace(database, name);
  const api = httpClient(server.origin, ws.apiKey);
  const company = await api("POST", "/api/v1/companies", { name: `${name} client`, email: "ap@example.test" });
  const oneOff = await api("POST", "/api/v1/products", { name: "Design", unit_amount: 100_000, currency: "NZD" });
  const recurring = await api("POST", "/api/v1/products", {
    name: "Hosting",
    unit_amount: 5_000,
    currency: "NZD",
    billing: "recurring",
  });
  const opp = await api("POST", "/api/v1/opportunities", { name, company_id: company.body.id, currency: "NZD" });
  for (const product of [oneOff, recurring]) {
    await api("POST", `/api/v1/opportunities/${opp.body.id}/products`, { product_id: product.body.id, quantity: "1" });
  }
  const started = await api("POST", "/api/v1/integrations/xero/connect", {});
  const back = await consentOnSandbox(started.body.authorize_url, tenantId);
  await api("GET", `${back.pathname}${back.search}`);
  await api("POST", `/api/v1/companies/${company.body.id}/xero-contact`, { mode: "create" });
  await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
  const linked = await api("GET", `/api/v1/companies/${company.body.id}`);
  return {
    ws,
    /** The workspace acting as the job runner does (the system, with the Xero adapter). */
    ctx: { ...ws.ctx, accounting: server.accounting, clock: clock ?? ws.ctx.clock },
    api,
    tenantId,
    oppId: opp.body.id as string,
    companyId: company.body.id as string,
    contactId: linked.body.xero_contact_id as string,
  };
}

/** Runs every due job (webhook processing, syncs, invoice events) until the queue is quiet. */
export async function drain(database: Database, server: Server, clock: Clock): Promise<void> {
  const runner = createJobRunner({
    db: database.db,
    clock,
    logger: createLogger("silent"),
    definitions: JOB_DEFINITIONS,
    accounting: server.accounting,
  });
  while ((await runner.drainOnce()) > 0) {}
}

export function jobsNamed(database: Database, workspaceId: string, name: string) {
  return database.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.name, name)));
}

/** An invoice raised in "Xero" by a Xero user for the contact (approved, one line of 100.00 + GST). */
export function raiseInXero(server: Server, tenantId: string, contactId: string, reference: string) {
  const made = server.sandbox.admin.createInvoice(tenantId, {
    Type: "ACCREC",
    Contact: { ContactID: contactId },
    Date: "2026-11-01",
    DueDate: "2026-12-01",
    Status: "AUTHORISED",
    Reference: reference,
    LineItems: [{ Description: "Raised in Xero", Quantity: 1, UnitAmount: 100, AccountCode: "200" }],
  });
  if (!made.ok) throw new Error(made.errors.join(" "));
  return made.value;
}

/** POSTs a webhook body to Settle as Xero would, signed with `key` (the demo app's by default). */
export async function postWebhook(origin: string, body: string, key: string = DEMO_APP.webhookKey) {
  const response = await fetch(`${origin}/webhooks/xero`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-xero-signature": signWebhookBody(body, key) },
    body,
  });
  return { status: response.status, text: await response.text(), cookie: response.headers.get("set-cookie") };
}

export function invoiceEvents(tenantId: string, ids: string[], entropy = randomUUID()) {
  return JSON.stringify({
    events: ids.map((id) => ({
      resourceUrl: `https://api.xero.com/api.xro/2.0/Invoices/${id}`,
      resourceId: id,
      eventDateUtc: new Date().toISOString().slice(0, 23),
      eventType: "UPDATE",
      eventCategory: "INVOICE",
      tenantId,
      tenantType: "ORGANISATION",
    })),
    firstEventSequence: 1,
    lastEventSequence: ids.length,
    entropy,
  });
}
