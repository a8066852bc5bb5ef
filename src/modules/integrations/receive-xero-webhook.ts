import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, hotRows } from "../../db/client.ts";
import { groupCommit } from "../../db/group-commit.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";

export const XERO_WEBHOOK_JOB = "accounting.xero-webhook";

/** The dedupe key of an organisation's webhook job while it waits: at most one such job per organisation. */
export function pendingXeroWebhookKey(tenantId: string): string {
  return `${XERO_WEBHOOK_JOB}:pending:${tenantId}`;
}

const WebhookEvent = z.object({
  resourceId: z.string().max(64),
  eventCategory: z.string().max(40),
  eventType: z.string().max(40),
  tenantId: z.string().max(64),
  eventDateUtc: z.string().max(40).optional(),
});
export const XeroWebhookBody = z.object({ events: z.array(WebhookEvent).max(10_000) });
export type XeroWebhookBody = z.infer<typeof XeroWebhookBody>;

/**
 * Stores one verified delivery and queues its processing, in ONE statement (one database round trip, atomic,
 * shared by the deliveries that arrive together): nothing else happens before Xero has its 200. The delivery
 * is kept per organisation it names, each row's id the hash of the body and the organisation, so Xero
 * resending the same POST stores and queues nothing new.
 *
 * Deliveries coalesce: an organisation has at most one waiting job (its dedupe key is the organisation's
 * pending key), and that job reads every unprocessed delivery of the organisation at once. When the key is
 * taken the delivery queues nothing and joins the waiting job; nothing is locked, so acknowledgements never
 * queue behind one another. The job gives its key up before it reads and reads again until nothing new is
 * left (processXeroWebhooks), so a delivery stored meanwhile is read by it or queues the next job.
 * Intent-to-Receive (no events) stores nothing.
 */
export async function receiveXeroWebhook(
  db: Db,
  rawBody: string,
  now: Date,
): Promise<{ stored: number; events: number }> {
  let parsed: XeroWebhookBody;
  try {
    parsed = XeroWebhookBody.parse(JSON.parse(rawBody));
  } catch {
    throw new AppError("invalid_input", "The webhook body is not a Xero events payload.", {
      issues: [{ field: "events", message: "must be an array of Xero events" }],
    });
  }
  if (parsed.events.length === 0) return { stored: 0, events: 0 };
  const byTenant = new Map<string, XeroWebhookBody["events"]>();
  for (const event of parsed.events) {
    byTenant.set(event.tenantId, [...(byTenant.get(event.tenantId) ?? []), event]);
  }
  const rows = [...byTenant].map(([tenantId, events]) => ({
    id: `xwh_${createHash("sha256").update(`${tenantId}\n${rawBody}`).digest("base64url").slice(0, 32)}`,
    tenant_id: tenantId,
    body: { events },
    event_count: events.length,
    job_id: newId("job", now),
    dedupe_key: pendingXeroWebhookKey(tenantId),
    received_at: now.toISOString(),
  }));
  const stored = await store(db, rows);
  return { stored, events: parsed.events.length };
}

type DeliveryRow = {
  id: string;
  tenant_id: string;
  received_at: string;
  body: unknown;
  event_count: number;
  job_id: string;
  dedupe_key: string;
};

/**
 * Writes the rows of several deliveries in one statement (group commit): each stored once by id, and a job
 * queued per organisation unless one already waits. Returns how many rows of each delivery were new.
 */
async function storeDeliveries(db: Db, deliveries: DeliveryRow[][]): Promise<number[]> {
  const unique = [...new Map(deliveries.flat().map((row) => [row.id, row])).values()];
  const rows = await hotRows<{ id: string }>(
    db,
    sql`
    with incoming as (
      select * from jsonb_to_recordset(${JSON.stringify(unique)}::jsonb)
        as x(id text, tenant_id text, received_at timestamptz, body jsonb, event_count int, job_id text,
          dedupe_key text)
    ), stored as (
      insert into xero_webhook_deliveries (id, tenant_id, received_at, body, event_count)
      select id, tenant_id, received_at, body, event_count from incoming
      on conflict (id) do nothing
      returning id
    ), queued as (
      -- A data-modifying CTE runs whether or not the final select reads it; one job per organisation waits.
      insert into jobs (id, name, payload, run_at, dedupe_key, max_attempts)
      select incoming.job_id, ${XERO_WEBHOOK_JOB}, jsonb_build_object('tenantId', incoming.tenant_id),
        incoming.received_at, incoming.dedupe_key, 10
      from incoming join stored on stored.id = incoming.id
      on conflict (dedupe_key) where dedupe_key is not null do nothing
    )
    select id from stored
  `,
  );
  const fresh = new Set(rows.map((row) => row.id));
  // A row repeated across the batch (the same POST resent meanwhile) counts as new for its first delivery only.
  return deliveries.map((rows) => rows.filter((row) => fresh.delete(row.id)).length);
}

const store = groupCommit(storeDeliveries);
