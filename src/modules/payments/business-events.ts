import type { DbOrTx } from "../../db/client.ts";
import { type BusinessEventType, businessEvents } from "../../db/schema/payments.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { newId } from "../../lib/ids.ts";

export type BusinessEventInput = {
  workspaceId: string;
  type: BusinessEventType;
  invoiceId: string | null;
  opportunityId: string | null;
  /** What makes two reports the same event: `payment_succeeded:<invoice>` happens once per invoice. */
  dedupeKey: string;
  occurredAt: Date;
  data: Record<string, unknown>;
  /** How many automation runs led here (an automation's own change carries its run's depth + 1). */
  depth?: number | undefined;
};

export const AUTOMATION_MATCH_JOB = "automations.match-event";

/**
 * Records the event unless one with its dedupe key exists; true when this call recorded it. A new event
 * queues its automation matching in the same transaction, so automations see exactly the events that committed.
 */
export async function recordBusinessEvent(db: DbOrTx, event: BusinessEventInput): Promise<boolean> {
  const id = newId("businessEvent", event.occurredAt);
  const inserted = await db
    .insert(businessEvents)
    .values({ id, ...event, depth: event.depth ?? 0 })
    .onConflictDoNothing({ target: [businessEvents.workspaceId, businessEvents.dedupeKey] })
    .returning({ id: businessEvents.id });
  if (inserted.length === 0) return false;
  await enqueue(db, AUTOMATION_MATCH_JOB, { eventId: id }, { workspaceId: event.workspaceId });
  return true;
}
