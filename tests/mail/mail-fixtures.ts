import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { jobs, mailMessages, paymentLinks } from "../../src/db/schema/index.ts";
import type { MailTransport } from "../../src/integrations/mail/index.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { newId } from "../../src/lib/ids.ts";
import { createLogger } from "../../src/lib/logger.ts";

/** A clock tests move forward (retry backoff, the resend window) without waiting. */
export function movableClock() {
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  return { clock, advance: (ms: number) => (offsetMs += ms) };
}

/** The real job runner with Settle's definitions; `drain` runs every job that is due until none is left. */
export function mailRunner(database: Database, clock: Clock, mail?: MailTransport) {
  const runner = createJobRunner({
    db: database.db,
    clock,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    definitions: JOB_DEFINITIONS,
    mail,
  });
  return {
    async drain() {
      for (let i = 0; i < 20 && (await runner.drainOnce()) > 0; i++) {
        // keep going: a job may have queued another
      }
    },
  };
}

export async function mailOf(database: Database, relatedId: string) {
  return database.db.select().from(mailMessages).where(eq(mailMessages.relatedId, relatedId)).orderBy(mailMessages.id);
}

export async function deliveryJobsOf(database: Database, messageId: string) {
  const rows = await database.db.select().from(jobs).where(eq(jobs.name, "mail.deliver"));
  return rows.filter((j) => (j.payload as { messageId?: string }).messageId === messageId);
}

/**
 * An active Stripe payment link on the invoice, as the Stripe flow leaves it once Stripe answered (the link
 * itself is Stripe's; the mail only needs its address).
 */
export async function givePaymentLink(
  database: Database,
  invoice: { id: string; workspace_id?: string; currency: string; total_amount: number },
  workspaceId: string,
) {
  const url = `https://buy.stripe.com/test_${newId("paymentLink").slice(4)}`;
  await database.db.insert(paymentLinks).values({
    id: newId("paymentLink"),
    workspaceId,
    invoiceId: invoice.id,
    stripeAccountId: "acct_test",
    stripeLinkId: `plink_${Date.now()}`,
    url,
    mode: "one_time",
    amount: invoice.total_amount,
    currency: invoice.currency,
  });
  return url;
}
