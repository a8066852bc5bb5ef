import { eq, inArray } from "drizzle-orm";
import type { MailSettings } from "../context.ts";
import type { Db } from "../db/client.ts";
import { jobs } from "../db/schema/jobs.ts";
import type { AccountingProvider } from "../integrations/accounting/port.ts";
import type { MailTransport } from "../integrations/mail/port.ts";
import type { PaymentsProvider } from "../integrations/payments/port.ts";
import type { Clock } from "../lib/clock.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import type { Logger } from "../lib/logger.ts";
import type { SecretBox } from "../lib/secret-box.ts";
import { type ClaimedJob, claimJobs } from "./claim.ts";
import type { JobDefinition } from "./define-job.ts";
import { SWEEP_JOB, scheduleSweep } from "./definitions/sweep.ts";
import { scheduleXeroWorkspaceSyncs, XERO_WORKSPACE_SYNC_JOB } from "./definitions/xero-workspace-sync.ts";
import type { Foreground } from "./foreground.ts";
import { pruneSucceededJobs } from "./prune.ts";

export type RunnerOptions = {
  db: Db;
  clock: Clock;
  logger: Logger;
  definitions: readonly JobDefinition[];
  accounting?: AccountingProvider | undefined;
  payments?: PaymentsProvider | undefined;
  mail?: MailTransport | undefined;
  secrets?: SecretBox | undefined;
  mailSettings?: MailSettings | undefined;
  concurrency?: number;
  pollIntervalMs?: number;
  lockTimeoutMs?: number;
  /** The HTTP server's requests when it runs in this process: claims and job starts wait for a quiet moment. */
  foreground?: Foreground | undefined;
};

/** The longest a claim or a job start waits for the requests in flight before it goes ahead anyway. */
const FOREGROUND_MAX_WAIT_MS = 50;

/** Only failures that may pass on a retry are retried; a bad payload or a refused precondition is dead at once. */
function isRetryable(error: unknown): boolean {
  return (
    !(error instanceof AppError) ||
    error.code === "upstream_failed" ||
    error.code === "internal" ||
    error.code === "rate_limited"
  );
}

/** Exponential backoff with jitter: ~2 s, 4 s, 8 s … capped at 10 minutes. */
export function backoffMs(attempt: number): number {
  const base = Math.min(600_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export function createJobRunner(options: RunnerOptions) {
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const workerId = newId("job").replace("job_", "wrk_");
  const concurrency = options.concurrency ?? 4;
  const lockTimeoutMs = options.lockTimeoutMs ?? 5 * 60_000;
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function fail(job: ClaimedJob, error: unknown): Promise<void> {
    // The definition's limit wins over the row's default, so a job's policy lives in one place.
    const maxAttempts = byName.get(job.name)?.maxAttempts ?? job.maxAttempts;
    const now = options.clock.now();
    if (error === undefined) {
      await options.db
        .update(jobs)
        .set({ status: "succeeded", finishedAt: now, lockedAt: null, lastError: null, updatedAt: now })
        .where(eq(jobs.id, job.id));
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    // A paused Xero organisation (429 Retry-After) resumes the job then, and waiting is no failed attempt.
    const retryAfter =
      error instanceof AppError && error.code === "rate_limited" ? Number(error.details?.retry_after) : 0;
    const paused = Number.isFinite(retryAfter) && retryAfter > 0;
    const dead = !isRetryable(error) || (job.attempts >= maxAttempts && !paused);
    options.logger.warn({ job_id: job.id, job: job.name, attempt: job.attempts, dead, err: message }, "job failed");
    await options.db
      .update(jobs)
      .set(
        dead
          ? { status: "dead", lastError: message, finishedAt: now, lockedAt: null, updatedAt: now }
          : {
              status: "queued",
              lastError: message,
              runAt: new Date(now.getTime() + (paused ? retryAfter * 1000 : backoffMs(job.attempts))),
              lockedAt: null,
              updatedAt: now,
            },
      )
      .where(eq(jobs.id, job.id));
  }

  /** Runs one job; true when it succeeded (successes are recorded together, one statement per batch). */
  async function runOne(job: ClaimedJob): Promise<boolean> {
    const definition = byName.get(job.name);
    await options.foreground?.quiet(FOREGROUND_MAX_WAIT_MS);
    try {
      if (!definition) {
        throw new AppError("invalid_input", `No job definition named ${job.name}.`);
      }
      const parsed = definition.schema.safeParse(job.payload);
      if (!parsed.success) {
        throw new AppError("invalid_input", `Invalid payload for ${job.name}: ${parsed.error.message}`);
      }
      const ctx = {
        db: options.db,
        clock: options.clock,
        logger: options.logger,
        jobId: job.id,
        attempt: job.attempts,
        workspaceId: job.workspaceId,
        accounting: options.accounting,
        payments: options.payments,
        mail: options.mail,
        secrets: options.secrets,
        mailSettings: options.mailSettings,
      };
      await definition.handler(ctx, parsed.data);
      return true;
    } catch (error) {
      await fail(job, error);
      return false;
    }
  }

  /**
   * A process that also serves requests runs its batch one job at a time, each after a quiet moment: a request
   * arriving mid-batch then waits behind one job's statements at most, not behind every job of the batch (on
   * PGlite all of them queue on the one connection).
   */
  async function runInTurn(claimed: ClaimedJob[], foreground: Foreground): Promise<boolean[]> {
    const results: boolean[] = [];
    for (const job of claimed) {
      const requestsBefore = foreground.entered;
      const started = performance.now();
      results.push(await runOne(job));
      // While requests keep arriving the worker takes at most about a third of the loop: it rests twice as
      // long as the job ran. A burst is then answered promptly and its work done just after; an idle server
      // loses nothing. The rest is capped: a long job mostly waits on the network (a Xero sync), not the loop,
      // and the rest of the claimed batch must not sit locked meanwhile.
      if (foreground.entered !== requestsBefore) {
        const rest = Math.min(2 * (performance.now() - started), FOREGROUND_MAX_WAIT_MS);
        await new Promise((resolve) => setTimeout(resolve, rest));
      }
    }
    return results;
  }

  /** Claims and runs one batch; returns how many jobs ran. Tests and benchmarks drive the queue with this. */
  async function drainOnce(): Promise<number> {
    await options.foreground?.quiet(FOREGROUND_MAX_WAIT_MS);
    const claimed = await claimJobs(options.db, workerId, concurrency, options.clock.now(), lockTimeoutMs);
    const results = options.foreground
      ? await runInTurn(claimed, options.foreground)
      : await Promise.all(claimed.map(runOne));
    const succeeded = claimed.filter((_, i) => results[i]).map((j) => j.id);
    if (succeeded.length > 0) {
      const now = options.clock.now();
      await options.db
        .update(jobs)
        .set({ status: "succeeded", finishedAt: now, lockedAt: null, lastError: null, updatedAt: now })
        .where(inArray(jobs.id, succeeded));
    }
    return claimed.length;
  }

  const PRUNE_EVERY_MS = 10 * 60_000;
  let lastPrune = 0;
  // Every worker offers the hourly sweep; its dedupe key lets one row in per hour, whichever worker is first.
  const SCHEDULE_EVERY_MS = 5 * 60_000;
  let lastSchedule = 0;
  // Each worker offers every due workspace sync once a minute; dedupe keys per interval keep it to one.
  const XERO_SCHEDULE_EVERY_MS = 60_000;
  let lastXeroSchedule = 0;

  async function poll(): Promise<void> {
    while (running) {
      if (byName.has(SWEEP_JOB) && Date.now() - lastSchedule > SCHEDULE_EVERY_MS) {
        lastSchedule = Date.now();
        await scheduleSweep(options.db, options.clock.now()).catch((error: unknown) =>
          options.logger.warn({ err: error }, "scheduling the sweep failed"),
        );
      }
      if (byName.has(XERO_WORKSPACE_SYNC_JOB) && Date.now() - lastXeroSchedule > XERO_SCHEDULE_EVERY_MS) {
        lastXeroSchedule = Date.now();
        await scheduleXeroWorkspaceSyncs(options.db, options.clock.now()).catch((error: unknown) =>
          options.logger.warn({ err: error }, "scheduling Xero syncs failed"),
        );
      }
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await pruneSucceededJobs(options.db, options.clock.now()).catch((error: unknown) =>
          options.logger.warn({ err: error }, "job pruning failed"),
        );
      }
      let ran = 0;
      try {
        ran = await drainOnce();
      } catch (error) {
        options.logger.error({ err: error }, "job claim failed");
      }
      if (ran === 0 && running) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, options.pollIntervalMs ?? 500);
        });
      }
    }
  }

  return {
    workerId,
    drainOnce,
    /** Wakes an idle poller at once (after an in-process enqueue). */
    nudge: () => wake?.(),
    start() {
      if (!running) {
        running = true;
        loop = poll();
      }
    },
    /** Stops claiming, then waits for the running batch to finish. */
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
