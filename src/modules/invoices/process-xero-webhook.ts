import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { xeroConnections } from "../../db/schema/integrations.ts";
import { xeroWebhookDeliveries } from "../../db/schema/xero-sync.ts";
import type { AccountingProvider } from "../../integrations/accounting/port.ts";
import type { Clock } from "../../lib/clock.ts";
import { SCOPES } from "../access/index.ts";
import { XeroWebhookBody } from "../integrations/receive-xero-webhook.ts";
import { syncXeroInvoiceIds } from "./sync-xero-invoice-ids.ts";

type Deps = { db: Db; clock: Clock; accounting?: AccountingProvider | undefined };

/**
 * Turns a stored delivery into targeted syncs: its INVOICE events, grouped by organisation, read once per
 * workspace connected to that organisation. Events carry no state (Xero's payload is thin), so order and
 * repetition do not matter: each read takes Xero's latest, and applying it is forward-only.
 */
export async function processXeroWebhook(deps: Deps, deliveryId: string): Promise<{ workspaces: number }> {
  const [delivery] = await deps.db.select().from(xeroWebhookDeliveries).where(eq(xeroWebhookDeliveries.id, deliveryId));
  if (!delivery || delivery.processedAt) return { workspaces: 0 };
  const body = XeroWebhookBody.parse(delivery.body);
  const byTenant = new Map<string, Set<string>>();
  for (const event of body.events) {
    if (event.eventCategory !== "INVOICE") continue;
    const ids = byTenant.get(event.tenantId) ?? new Set<string>();
    ids.add(event.resourceId);
    byTenant.set(event.tenantId, ids);
  }
  let workspaces = 0;
  if (byTenant.size > 0) {
    const connections = await deps.db
      .select({ workspaceId: xeroConnections.workspaceId, tenantId: xeroConnections.tenantId })
      .from(xeroConnections)
      .where(and(inArray(xeroConnections.tenantId, [...byTenant.keys()]), eq(xeroConnections.status, "active")));
    for (const connection of connections) {
      const ids = byTenant.get(connection.tenantId);
      if (!ids) continue;
      const actor = { kind: "system" as const, workspaceId: connection.workspaceId, scopes: new Set(SCOPES) };
      await syncXeroInvoiceIds({ ...deps, actor }, { invoice_ids: [...ids] });
      workspaces += 1;
    }
  }
  await deps.db
    .update(xeroWebhookDeliveries)
    .set({ processedAt: deps.clock.now() })
    .where(eq(xeroWebhookDeliveries.id, deliveryId));
  return { workspaces };
}
