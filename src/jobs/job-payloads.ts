import { z } from "zod";
import { INVOICE_EVENTS } from "../modules/billing/index.ts";

/**
 * Every job Settle queues, by name, with its payload schema: `enqueue` is typed by this map, so a verb cannot
 * queue a job with a misspelt name or a payload its handler would refuse, and the definitions parse with it.
 */
export const JOB_PAYLOADS = {
  "invoices.changed": z.object({ invoiceId: z.string(), opportunityId: z.string(), event: z.enum(INVOICE_EVENTS) }),
  "accounting.sync-opportunity": z.object({ opportunityId: z.string() }),
  "accounting.reconcile-invoice": z.object({ invoiceId: z.string() }),
  "maintenance.sweep": z.strictObject({}),
  "payments.process-event": z.object({ eventId: z.string() }),
  "payments.deactivate-link": z.object({ paymentLinkId: z.string() }),
  "mail.deliver": z.object({ messageId: z.string() }),
  "imports.run": z.object({ importId: z.string() }),
  "automations.match-event": z.object({ eventId: z.string() }),
  "automations.run-action": z.object({ actionRunId: z.string() }),
  // An organisation's unprocessed deliveries ({tenantId}); jobs queued before that name one delivery.
  "accounting.xero-webhook": z.union([z.object({ tenantId: z.string() }), z.object({ deliveryId: z.string() })]),
  "accounting.sync-workspace": z.strictObject({}),
} as const;

export type JobName = keyof typeof JOB_PAYLOADS;
export type JobPayload<N extends JobName> = z.input<(typeof JOB_PAYLOADS)[N]>;
