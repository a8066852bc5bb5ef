import type { Db } from "../../db/client.ts";
import { stripeEvents } from "../../db/schema/payments.ts";
import type { ParsedStripeEvent } from "../../integrations/payments/port.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { workspaceOfAccount } from "./internal.ts";

export type ReceivedStripeEvent = { duplicate: boolean; workspaceId: string | null };

/**
 * A verified webhook: the event is stored once by its id and its processing queued in the same transaction,
 * then Stripe gets its 2xx at once. A repeated delivery finds the row and queues nothing. Events of accounts
 * no workspace connected are kept (for the record) and not processed.
 */
export async function receiveStripeEvent(db: Db, event: ParsedStripeEvent, now: Date): Promise<ReceivedStripeEvent> {
  const connection = event.account ? await workspaceOfAccount(db, event.account) : undefined;
  const workspaceId = connection?.workspaceId ?? null;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(stripeEvents)
      .values({
        id: event.id,
        accountId: event.account,
        workspaceId,
        type: event.type,
        payload: event.raw,
        receivedAt: now,
      })
      .onConflictDoNothing({ target: stripeEvents.id })
      .returning({ id: stripeEvents.id });
    if (inserted.length === 0) return { duplicate: true, workspaceId };
    if (workspaceId) {
      await enqueue(
        tx,
        "payments.process-event",
        { eventId: event.id },
        { workspaceId, dedupeKey: `stripe:${event.id}` },
      );
    }
    return { duplicate: false, workspaceId };
  });
}
