import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { ParsedStripeEvent } from "../../integrations/payments/port.ts";
import { newId } from "../../lib/ids.ts";

export type ReceivedStripeEvent = { duplicate: boolean; workspaceId: string | null };

/**
 * A verified webhook: the event is stored once by its id and its processing queued, then Stripe gets its 2xx
 * at once. One statement does it all (find the account's workspace, store, queue), atomically and in one
 * round trip, so acknowledging stays fast while the worker is busy with earlier events. A repeated delivery
 * finds the row and queues nothing; events of accounts no workspace connected are kept, not processed.
 */
export async function receiveStripeEvent(db: Db, event: ParsedStripeEvent, now: Date): Promise<ReceivedStripeEvent> {
  const result = await db.execute(sql`
    with connection as (
      select workspace_id from stripe_connections
      where account_id = ${event.account}
      order by (status = 'active') desc, updated_at desc
      limit 1
    ), stored as (
      insert into stripe_events (id, account_id, workspace_id, type, payload, received_at)
      values (
        ${event.id}, ${event.account}, (select workspace_id from connection), ${event.type},
        ${JSON.stringify(event.raw)}::jsonb, ${now.toISOString()}::timestamptz
      )
      on conflict (id) do nothing
      returning id, workspace_id
    ), queued as (
      insert into jobs (id, workspace_id, name, payload, run_at, dedupe_key, max_attempts)
      select ${newId("job", now)}, workspace_id, 'payments.process-event', jsonb_build_object('eventId', id),
        ${now.toISOString()}::timestamptz, 'stripe:' || id, 10
      from stored where workspace_id is not null
      on conflict do nothing
      returning id
    )
    select (select count(*) from stored)::int as stored, (select workspace_id from stored) as workspace_id
  `);
  const [row] = (result as unknown as { rows: Array<{ stored: number; workspace_id: string | null }> }).rows;
  return { duplicate: (row?.stored ?? 0) === 0, workspaceId: row?.workspace_id ?? null };
}
