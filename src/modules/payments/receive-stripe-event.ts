import { sql } from "drizzle-orm";
import { type Db, hotRows } from "../../db/client.ts";
import { groupCommit } from "../../db/group-commit.ts";
import type { ParsedStripeEvent } from "../../integrations/payments/port.ts";
import { newId } from "../../lib/ids.ts";

export type ReceivedStripeEvent = { duplicate: boolean; workspaceId: string | null };

type Incoming = {
  id: string;
  account_id: string | null;
  type: string;
  payload: unknown;
  received_at: string;
  job_id: string;
};

/**
 * Stores a batch of verified events and queues their processing in ONE statement: each event's workspace is
 * found by its connected account, each is stored once by id, and a job is queued for each newly stored one of
 * a connected workspace. Events of accounts no workspace connected are kept, not processed. An id repeated in
 * the batch (Stripe retrying while the first delivery is being stored) is stored once.
 */
async function storeEvents(db: Db, events: Incoming[]): Promise<ReceivedStripeEvent[]> {
  const unique = [...new Map(events.map((event) => [event.id, event])).values()];
  const rows = await hotRows<{ id: string; workspace_id: string | null }>(
    db,
    sql`
    with incoming as (
      select * from jsonb_to_recordset(${JSON.stringify(unique)}::jsonb)
        as x(id text, account_id text, type text, payload jsonb, received_at timestamptz, job_id text)
    ), connection as (
      select distinct on (account_id) account_id, workspace_id from stripe_connections
      where account_id in (select account_id from incoming)
      order by account_id, (status = 'active') desc, updated_at desc
    ), stored as (
      insert into stripe_events (id, account_id, workspace_id, type, payload, received_at)
      select incoming.id, incoming.account_id, connection.workspace_id, incoming.type, incoming.payload,
        incoming.received_at
      from incoming left join connection on connection.account_id = incoming.account_id
      on conflict (id) do nothing
      returning id, workspace_id
    ), queued as (
      -- A data-modifying CTE runs whether or not the final select reads it.
      insert into jobs (id, workspace_id, name, payload, run_at, dedupe_key, max_attempts)
      select incoming.job_id, stored.workspace_id, 'payments.process-event', jsonb_build_object('eventId', stored.id),
        incoming.received_at, 'stripe:' || stored.id, 10
      from stored join incoming on incoming.id = stored.id
      where stored.workspace_id is not null
      on conflict do nothing
    )
    select id, workspace_id from stored
  `,
  );
  const stored = new Map(rows.map((row) => [row.id, row.workspace_id]));
  return events.map((event) => {
    // The first call with a stored id reports it stored; any later one in the batch is a duplicate.
    const workspaceId = stored.get(event.id);
    if (workspaceId === undefined) return { duplicate: true, workspaceId: null };
    stored.delete(event.id);
    return { duplicate: false, workspaceId };
  });
}

const store = groupCommit(storeEvents);

/**
 * A verified webhook: the event is stored once by its id with its processing queued, atomically, and Stripe
 * gets its 2xx at once. Deliveries arriving together are written together (group commit), so acknowledging
 * stays fast under a burst and while the worker is busy with earlier events. A repeated delivery finds the
 * row and queues nothing.
 */
export function receiveStripeEvent(db: Db, event: ParsedStripeEvent, now: Date): Promise<ReceivedStripeEvent> {
  return store(db, {
    id: event.id,
    account_id: event.account ?? null,
    type: event.type,
    payload: event.raw,
    received_at: now.toISOString(),
    job_id: newId("job", now),
  });
}
