import type { MailSettings } from "../../context.ts";
import type { Db, DbOrTx } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { SecretBox } from "../../lib/secret-box.ts";

/** What the automation jobs run with: the queue's database, clock and logger, and the secret box. */
export type EngineDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets?: SecretBox | undefined;
  mail?: MailSettings | undefined;
};

export type TxDeps = Omit<EngineDeps, "db"> & { db: DbOrTx };

/** A run that reached this depth stops: automations feeding each other end here, with a log entry. */
export const MAX_AUTOMATION_DEPTH = 3;
export const RUN_ACTION_JOB = "automations.run-action";

/** Webhook attempts before an action is dead: about a day with the backoff below. */
export const WEBHOOK_MAX_ATTEMPTS = 8;

/**
 * Exponential backoff with jitter between webhook attempts: ~1 min, 4, 16, 64 min, ~4 h, then 8 h
 * (capped), each ±25 %, so the 8 attempts span about a day and receivers that failed together retry apart.
 */
export function webhookBackoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(8 * 3_600_000, 60_000 * 4 ** (attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}
