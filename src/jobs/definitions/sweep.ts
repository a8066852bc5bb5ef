import { and, eq, inArray, isNotNull, isNull, lt, notExists, or } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.ts";
import { apiKeys, members, sessions, users } from "../../db/schema/index.ts";
import { pruneXeroLog } from "../../modules/integrations/prune-xero-log.ts";
import { defineJob } from "../define-job.ts";
import { enqueue } from "../enqueue.ts";
import { JOB_PAYLOADS } from "../job-payloads.ts";

export const SWEEP_JOB = "maintenance.sweep";
/** How often a sweep is queued; the dedupe key names the interval, so many workers queue one between them. */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** Expired invites stay this long, so admins still see and resend them, then they are deleted. */
export const EXPIRED_INVITE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export type SweepResult = { sessions: number; invites: number; users: number; usedInvites: number };

/**
 * Deletes sessions past their expiry and invites that expired more than EXPIRED_INVITE_RETENTION_MS ago,
 * with the invitee's user row when nothing else holds it: no other membership, no password (an account
 * someone signed up with stays), no session and no API key. Accepted members keep no invite token. Running
 * it again changes nothing.
 */
export async function sweepAccessRecords(db: Db, now: Date): Promise<SweepResult> {
  return db.transaction(async (tx) => {
    const expiredSessions = await tx.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
    const expiredInvites = await tx
      .delete(members)
      .where(
        and(
          eq(members.status, "invited"),
          lt(members.inviteExpiresAt, new Date(now.getTime() - EXPIRED_INVITE_RETENTION_MS)),
        ),
      )
      .returning({ userId: members.userId });
    const invitees = [...new Set(expiredInvites.map((m) => m.userId))];
    const orphans =
      invitees.length === 0
        ? []
        : await tx
            .delete(users)
            .where(
              and(
                inArray(users.id, invitees),
                isNull(users.passwordHash),
                notExists(tx.select({ id: members.id }).from(members).where(eq(members.userId, users.id))),
                notExists(tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, users.id))),
                notExists(tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.createdByUserId, users.id))),
              ),
            )
            .returning({ id: users.id });
    const used = await tx
      .update(members)
      .set({ inviteTokenHash: null, inviteExpiresAt: null, updatedAt: now })
      .where(
        and(eq(members.status, "active"), or(isNotNull(members.inviteTokenHash), isNotNull(members.inviteExpiresAt))),
      )
      .returning({ id: members.id });
    return {
      sessions: expiredSessions.length,
      invites: expiredInvites.length,
      users: orphans.length,
      usedInvites: used.length,
    };
  });
}

/** Queues the sweep for the interval `now` falls in; a second call in the same interval queues nothing. */
export async function scheduleSweep(db: DbOrTx, now: Date): Promise<string | null> {
  const interval = new Date(Math.floor(now.getTime() / SWEEP_INTERVAL_MS) * SWEEP_INTERVAL_MS);
  return enqueue(db, SWEEP_JOB, {}, { runAt: now, dedupeKey: `${SWEEP_JOB}:${interval.toISOString()}` });
}

export const sweepJob = defineJob({
  name: SWEEP_JOB,
  schema: JOB_PAYLOADS[SWEEP_JOB],
  handler: async (ctx) => {
    const result = await sweepAccessRecords(ctx.db, ctx.clock.now());
    await pruneXeroLog(ctx.db, ctx.clock.now());
    ctx.logger.info(result, "swept expired sessions and invites");
  },
});
