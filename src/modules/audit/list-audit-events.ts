import { and, desc, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { AUDIT_ACTIONS, apiKeys, auditEvents, users } from "../../db/schema/index.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/scopes.ts";

export const ListAuditEventsInput = z.strictObject({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
});
export type ListAuditEventsInput = z.input<typeof ListAuditEventsInput>;

/**
 * Newest first. The log is for admins, who are those holding members:write (the same people the
 * last-admin rule protects), so a role that manages access can always see how access changed.
 */
export async function listAuditEvents(ctx: Ctx, input: ListAuditEventsInput) {
  const parsed = parseInput(ListAuditEventsInput, input);
  requireScope(ctx.actor.scopes, "members:write");
  const before = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorKind: auditEvents.actorKind,
      actorUserId: auditEvents.actorUserId,
      actorKeyId: auditEvents.actorKeyId,
      // Prefer the current email of the acting user; sign-in events keep the email that was typed.
      actorLabel: sql<string>`coalesce(nullif(${auditEvents.actorLabel}, ''), ${users.email}, ${apiKeys.name}, '')`,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      details: auditEvents.details,
      ip: auditEvents.ip,
      requestId: auditEvents.requestId,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, auditEvents.actorKeyId))
    .where(
      and(
        eq(auditEvents.workspaceId, ctx.actor.workspaceId),
        parsed.action ? eq(auditEvents.action, parsed.action) : undefined,
        before ? lt(auditEvents.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}
