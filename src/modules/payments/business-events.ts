import type { DbOrTx } from "../../db/client.ts";
import { type BusinessEventType, businessEvents } from "../../db/schema/payments.ts";
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
};

/** Records the event unless one with its dedupe key exists; true when this call recorded it. */
export async function recordBusinessEvent(db: DbOrTx, event: BusinessEventInput): Promise<boolean> {
  const inserted = await db
    .insert(businessEvents)
    .values({ id: newId("businessEvent", event.occurredAt), ...event })
    .onConflictDoNothing({ target: [businessEvents.workspaceId, businessEvents.dedupeKey] })
    .returning({ id: businessEvents.id });
  return inserted.length > 0;
}
