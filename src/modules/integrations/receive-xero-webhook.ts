import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { xeroWebhookDeliveries } from "../../db/schema/xero-sync.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { AppError } from "../../lib/errors.ts";

export const XERO_WEBHOOK_JOB = "accounting.xero-webhook";

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
 * Stores one verified delivery and queues its processing in the same transaction; nothing else happens
 * before Xero has its 200. The id is the body's hash: Xero resending the same POST stores and queues nothing
 * new. Intent-to-Receive (no events) stores nothing.
 */
export async function receiveXeroWebhook(
  db: Db,
  rawBody: string,
  now: Date,
): Promise<{ stored: boolean; events: number }> {
  let parsed: XeroWebhookBody;
  try {
    parsed = XeroWebhookBody.parse(JSON.parse(rawBody));
  } catch {
    throw new AppError("invalid_input", "The webhook body is not a Xero events payload.", {
      issues: [{ field: "events", message: "must be an array of Xero events" }],
    });
  }
  if (parsed.events.length === 0) return { stored: false, events: 0 };
  const id = `xwh_${createHash("sha256").update(rawBody).digest("base64url").slice(0, 32)}`;
  const stored = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(xeroWebhookDeliveries)
      .values({ id, receivedAt: now, body: parsed, eventCount: parsed.events.length })
      .onConflictDoNothing()
      .returning({ id: xeroWebhookDeliveries.id });
    if (rows.length === 0) return false;
    await enqueue(
      tx,
      XERO_WEBHOOK_JOB,
      { deliveryId: id },
      { dedupeKey: `${XERO_WEBHOOK_JOB}:${id}`, maxAttempts: 10 },
    );
    return true;
  });
  return { stored, events: parsed.events.length };
}
