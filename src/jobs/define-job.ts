import type { z } from "zod";
import type { MailSettings } from "../context.ts";
import type { Db } from "../db/client.ts";
import type { AccountingProvider } from "../integrations/accounting/port.ts";
import type { MailTransport } from "../integrations/mail/port.ts";
import type { PaymentsProvider } from "../integrations/payments/port.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { SecretBox } from "../lib/secret-box.ts";

export type JobContext = {
  db: Db;
  clock: Clock;
  logger: Logger;
  jobId: string;
  attempt: number;
  workspaceId: string | null;
  /** The Xero adapter, handed over like the API's, for jobs that talk to the ledger. */
  accounting?: AccountingProvider | undefined;
  /** The Stripe adapter, for jobs that act on Stripe (process events, deactivate links). */
  payments?: PaymentsProvider | undefined;
  /** Where mail goes (SMTP or the Outbox); absent, the Outbox. */
  mail?: MailTransport | undefined;
  /** Opens sealed secrets (webhook signing secrets). */
  secrets?: SecretBox | undefined;
  /** Sender and link base for mail a job queues. */
  mailSettings?: MailSettings | undefined;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  /** Attempts before the job is dead (default 5). */
  maxAttempts?: number;
  handler: (ctx: JobContext, payload: z.output<S>) => Promise<void>;
};

/** Typed job definitions: the payload is parsed with the schema before the handler sees it. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
