import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { xeroConnections } from "../../db/schema/integrations.ts";
import { jobs } from "../../db/schema/jobs.ts";
import { xeroWebhookDeliveries } from "../../db/schema/xero-sync.ts";
import type { AccountingProvider } from "../../integrations/accounting/port.ts";
import type { Clock } from "../../lib/clock.ts";
import { SCOPES } from "../access/index.ts";
import { pendingXeroWebhookKey, XeroWebhookBody } from "../integrations/receive-xero-webhook.ts";
import { syncXeroInvoiceIds } from "./sync-xero-invoice-ids.ts";

type Deps = { db: Db; clock: Clock; accounting?: AccountingProvider | undefined };

/** Deliveries read per round; a busy organisation's backlog is taken in rounds, each one read of Xero. */
const DELIVERIES_PER_ROUND = 2_000;
const MAX_ROUNDS = 10;
/** What one targeted sync is asked for at most (it reads them from Xero 50 to a call). */
const IDS_PER_SYNC = 10_000;

/**
 * An organisation's webhook job: every unprocessed delivery for it becomes ONE targeted read per connected
 * workspace (invoice ids deduplicated, `IDs=` in chunks of 50), however many deliveries Xero sent. The job
 * first gives up the organisation's pending key, so a delivery stored from then on queues the next job, and
 * reads again after each round until a read finds nothing: a delivery whose acknowledgement still saw the key
 * taken but committed after the job's read is taken by the next round (or, committed even later, by the next
 * delivery's job or the scheduled workspace sync, which read every unprocessed delivery and every change).
 * Events carry no state, so order and repetition do not matter: each read takes Xero's latest, and applying
 * it is forward-only.
 */
export async function processXeroWebhooks(
  deps: Deps,
  input: { tenantId: string; jobId: string },
): Promise<{ deliveries: number; invoices: number; workspaces: number }> {
  await deps.db
    .update(jobs)
    .set({ dedupeKey: null })
    .where(and(eq(jobs.id, input.jobId), eq(jobs.dedupeKey, pendingXeroWebhookKey(input.tenantId))));
  const total = { deliveries: 0, invoices: 0, workspaces: 0 };
  // Under a steady stream the rounds would never end; what comes after the last one has queued the next job.
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const pending = await deps.db
      .select({ id: xeroWebhookDeliveries.id, body: xeroWebhookDeliveries.body })
      .from(xeroWebhookDeliveries)
      .where(and(eq(xeroWebhookDeliveries.tenantId, input.tenantId), isNull(xeroWebhookDeliveries.processedAt)))
      .orderBy(asc(xeroWebhookDeliveries.receivedAt))
      .limit(DELIVERIES_PER_ROUND);
    if (pending.length === 0) return total;
    const ids = invoiceIdsOf(pending.map((d) => d.body));
    total.workspaces = await syncConnectedWorkspaces(deps, new Map([[input.tenantId, ids]]));
    total.deliveries += pending.length;
    total.invoices += ids.size;
    await markProcessed(
      deps,
      pending.map((d) => d.id),
    );
  }
  return total;
}

/** A delivery stored before deliveries were kept per organisation (its job names the delivery). */
export async function processXeroWebhook(deps: Deps, deliveryId: string): Promise<{ workspaces: number }> {
  const [delivery] = await deps.db.select().from(xeroWebhookDeliveries).where(eq(xeroWebhookDeliveries.id, deliveryId));
  if (!delivery || delivery.processedAt) return { workspaces: 0 };
  const byTenant = new Map<string, Set<string>>();
  for (const event of XeroWebhookBody.parse(delivery.body).events) {
    if (event.eventCategory !== "INVOICE") continue;
    byTenant.set(event.tenantId, (byTenant.get(event.tenantId) ?? new Set()).add(event.resourceId.toLowerCase()));
  }
  const workspaces = await syncConnectedWorkspaces(deps, byTenant);
  await markProcessed(deps, [deliveryId]);
  return { workspaces };
}

function invoiceIdsOf(bodies: unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const body of bodies) {
    const parsed = XeroWebhookBody.safeParse(body);
    if (!parsed.success) continue;
    for (const event of parsed.data.events) {
      if (event.eventCategory === "INVOICE") ids.add(event.resourceId.toLowerCase());
    }
  }
  return ids;
}

/** Reads the named invoices for every workspace connected to their organisation; how many workspaces read. */
async function syncConnectedWorkspaces(deps: Deps, byTenant: Map<string, Set<string>>): Promise<number> {
  const tenants = [...byTenant].filter(([, ids]) => ids.size > 0).map(([tenantId]) => tenantId);
  if (tenants.length === 0) return 0;
  const connections = await deps.db
    .select({ workspaceId: xeroConnections.workspaceId, tenantId: xeroConnections.tenantId })
    .from(xeroConnections)
    .where(and(inArray(xeroConnections.tenantId, tenants), eq(xeroConnections.status, "active")));
  for (const connection of connections) {
    const ids = [...(byTenant.get(connection.tenantId) ?? [])];
    const actor = { kind: "system" as const, workspaceId: connection.workspaceId, scopes: new Set(SCOPES) };
    for (let i = 0; i < ids.length; i += IDS_PER_SYNC) {
      await syncXeroInvoiceIds({ ...deps, actor }, { invoice_ids: ids.slice(i, i + IDS_PER_SYNC) });
    }
  }
  return connections.length;
}

async function markProcessed(deps: Deps, ids: string[]): Promise<void> {
  await deps.db
    .update(xeroWebhookDeliveries)
    .set({ processedAt: deps.clock.now() })
    .where(and(inArray(xeroWebhookDeliveries.id, ids), sql`${xeroWebhookDeliveries.processedAt} is null`));
}
