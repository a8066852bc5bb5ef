import { and, isNotNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { xeroCallLog, xeroWebhookDeliveries } from "../../db/schema/xero-sync.ts";

/** The integration log (and the webhook deliveries it shows) is kept this long. */
export const XERO_LOG_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Deletes log rows and processed deliveries older than 30 days; run by the hourly sweep. */
export async function pruneXeroLog(db: Db, now: Date): Promise<{ calls: number; deliveries: number }> {
  const before = new Date(now.getTime() - XERO_LOG_RETENTION_MS);
  const calls = await db.delete(xeroCallLog).where(lt(xeroCallLog.startedAt, before)).returning({ id: xeroCallLog.id });
  const deliveries = await db
    .delete(xeroWebhookDeliveries)
    .where(and(lt(xeroWebhookDeliveries.receivedAt, before), isNotNull(xeroWebhookDeliveries.processedAt)))
    .returning({ id: xeroWebhookDeliveries.id });
  return { calls: calls.length, deliveries: deliveries.length };
}
