import type { Actor, Ctx } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { type AuditAction, auditEvents } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

export type AuditEntry = {
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/** Where a request came from; transports fill it in so the log can say who did what from where. */
export type Origin = { ip: string | null; requestId: string | null };

function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case "member":
      return { actorKind: "member" as const, actorUserId: actor.userId, actorKeyId: null };
    case "api_key":
      return { actorKind: "api_key" as const, actorUserId: actor.userId, actorKeyId: actor.keyId };
    case "system":
      return { actorKind: "system" as const, actorUserId: null, actorKeyId: null };
  }
}

/**
 * Writes one audit event with the caller's db, which verbs pass as their transaction: the event exists
 * exactly when the change it describes was committed.
 */
export async function recordAudit(tx: DbOrTx, ctx: Pick<Ctx, "actor" | "clock" | "origin">, entry: AuditEntry) {
  const now = ctx.clock.now();
  await tx.insert(auditEvents).values({
    id: newId("auditEvent", now),
    workspaceId: ctx.actor.workspaceId,
    action: entry.action,
    ...actorColumns(ctx.actor),
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: ctx.origin?.ip ?? null,
    requestId: ctx.origin?.requestId ?? null,
    createdAt: now,
  });
}

/** Sign-in events happen before there is an actor: the person is named by the email they typed. */
export async function recordSignInAudit(
  tx: DbOrTx,
  deps: { now: Date; origin?: Origin | undefined },
  entry: { action: AuditAction; workspaceId: string | null; userId: string | null; email: string; reason?: string },
) {
  await tx.insert(auditEvents).values({
    id: newId("auditEvent", deps.now),
    workspaceId: entry.workspaceId,
    action: entry.action,
    actorKind: entry.userId ? "member" : "anonymous",
    actorUserId: entry.userId,
    actorKeyId: null,
    actorLabel: entry.email,
    details: entry.reason ? { reason: entry.reason } : {},
    ip: deps.origin?.ip ?? null,
    requestId: deps.origin?.requestId ?? null,
    createdAt: deps.now,
  });
}
