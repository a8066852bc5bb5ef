import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../src/context.ts";
import type { Database } from "../../src/db/client.ts";
import { members, sessions, users } from "../../src/db/schema/index.ts";
import { jobs } from "../../src/db/schema/jobs.ts";
import { SWEEP_INTERVAL_MS, SWEEP_JOB, scheduleSweep, sweepAccessRecords } from "../../src/jobs/definitions/sweep.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { acceptInvite, inviteMember, listRoles, login, removeMember } from "../../src/modules/access/index.ts";
import { ADMIN_PASSWORD, seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => ({ now: () => new Date(Date.now() - days * DAY_MS) });

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function viewerRole(ctx: Ctx): Promise<string> {
  const role = (await listRoles(ctx)).find((r) => r.preset === "viewer");
  return role?.id ?? "";
}

/** An invite made `days` ago with the default expiry (a week), through the same verb the API uses. */
async function inviteAt(ctx: Ctx, email: string, days: number) {
  return inviteMember({ ...ctx, clock: daysAgo(days) }, { email, role_id: await viewerRole(ctx) });
}

async function userByEmail(email: string) {
  const [row] = await database.db.select().from(users).where(eq(users.email, email));
  return row;
}

async function memberOf(workspaceId: string, email: string) {
  const user = await userByEmail(email);
  if (!user) return undefined;
  const [row] = await database.db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, user.id)));
  return row;
}

async function sessionExists(id: string) {
  return (await database.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, id))).length === 1;
}

async function sessionIdOf(csrfToken: string) {
  const [row] = await database.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.csrfToken, csrfToken));
  return row?.id ?? "";
}

describe("the sweep job", () => {
  it("is queued by the runner and deletes expired sessions and invites long past their expiry", async () => {
    const ws = await seedWorkspace(database, "Swept");
    const other = await seedWorkspace(database, "Elsewhere");
    const id = ws.workspaceId;

    // Expired 53 days ago, the invitee has nothing else: the invite and the user go.
    await inviteAt(ws.ctx, "stale@example.test", 60);
    // Expired 13 days ago: kept, so an admin can still see it and resend it.
    await inviteAt(ws.ctx, "recent@example.test", 20);
    await inviteAt(ws.ctx, "pending@example.test", 0);
    // Expired long ago, but the person belongs to another workspace: the invite goes, the account stays.
    const there = await inviteAt(other.ctx, "elsewhere@example.test", 0);
    await acceptInvite(
      { db: database.db, clock: systemClock },
      { token: there.inviteToken, password: "a long enough password" },
    );
    await inviteAt(ws.ctx, "elsewhere@example.test", 60);
    // Expired long ago, and the person once had an account (a password) they no longer use anywhere: kept.
    const former = await inviteAt(other.ctx, "former@example.test", 0);
    await acceptInvite(
      { db: database.db, clock: systemClock },
      { token: former.inviteToken, password: "a long enough password" },
    );
    const formerMember = await memberOf(other.workspaceId, "former@example.test");
    await removeMember(other.ctx, { id: formerMember?.id ?? "" });
    await inviteAt(ws.ctx, "former@example.test", 60);

    const oldSession = await login(
      { db: database.db, clock: daysAgo(1) },
      { email: ws.adminEmail, password: ADMIN_PASSWORD },
    );
    const liveSession = await login(
      { db: database.db, clock: systemClock },
      { email: ws.adminEmail, password: ADMIN_PASSWORD },
    );
    const oldId = await sessionIdOf(oldSession.csrfToken);
    const liveId = await sessionIdOf(liveSession.csrfToken);
    expect(await sessionExists(oldId)).toBe(true);

    const runner = createJobRunner({
      db: database.db,
      clock: systemClock,
      logger: createLogger("silent"),
      definitions: JOB_DEFINITIONS,
      pollIntervalMs: 50,
    });
    runner.start();
    let sweeps: { status: string; dedupeKey: string | null }[] = [];
    try {
      for (let i = 0; i < 400; i++) {
        sweeps = await database.db
          .select({ status: jobs.status, dedupeKey: jobs.dedupeKey })
          .from(jobs)
          .where(eq(jobs.name, SWEEP_JOB));
        if (sweeps.some((s) => s.status === "succeeded")) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await runner.stop();
    }
    expect(sweeps).toHaveLength(1);
    expect(sweeps[0]).toMatchObject({ status: "succeeded", dedupeKey: expect.stringContaining(SWEEP_JOB) });

    expect(await sessionExists(oldId)).toBe(false);
    expect(await sessionExists(liveId)).toBe(true);

    expect(await memberOf(id, "stale@example.test")).toBeUndefined();
    expect(await userByEmail("stale@example.test")).toBeUndefined();
    expect(await memberOf(id, "recent@example.test")).toMatchObject({ status: "invited" });
    expect(await memberOf(id, "pending@example.test")).toMatchObject({ status: "invited" });
    expect(await memberOf(id, "elsewhere@example.test")).toBeUndefined();
    expect(await memberOf(other.workspaceId, "elsewhere@example.test")).toMatchObject({ status: "active" });
    expect(await memberOf(id, "former@example.test")).toBeUndefined();
    expect(await userByEmail("former@example.test")).toBeDefined();
    // Accepted invites keep no token that could be used again.
    expect(await memberOf(other.workspaceId, "elsewhere@example.test")).toMatchObject({
      inviteTokenHash: null,
      inviteExpiresAt: null,
    });

    // Idempotent: a second sweep finds nothing left to do.
    expect(await sweepAccessRecords(database.db, new Date())).toEqual({
      sessions: 0,
      invites: 0,
      users: 0,
      usedInvites: 0,
    });
  });

  it("is queued once per interval however many workers offer it", async () => {
    const next = new Date(Math.ceil(Date.now() / SWEEP_INTERVAL_MS + 5) * SWEEP_INTERVAL_MS);
    const offers = await Promise.all([1, 2, 3, 4].map((i) => scheduleSweep(database.db, new Date(next.getTime() + i))));
    expect(offers.filter((id) => id !== null)).toHaveLength(1);
    const later = await scheduleSweep(database.db, new Date(next.getTime() + SWEEP_INTERVAL_MS));
    expect(later).not.toBeNull();
  });
});
