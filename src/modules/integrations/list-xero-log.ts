import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { XERO_CALL_OUTCOMES, xeroCallLog } from "../../db/schema/xero-sync.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";

export const ListXeroLogInput = z.strictObject({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  outcome: z.enum(XERO_CALL_OUTCOMES).optional(),
  record_id: z.string().min(1).max(64).optional(),
});
export type ListXeroLogInput = z.input<typeof ListXeroLogInput>;

/** The integration log (Settings → Integrations → Xero → Log): every Xero call, newest first, 30 days. */
export async function listXeroLog(ctx: Ctx, input: ListXeroLogInput) {
  const parsed = parseInput(ListXeroLogInput, input);
  requireScope(ctx.actor.scopes, "integrations:read");
  const before = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(xeroCallLog)
    .where(
      and(
        eq(xeroCallLog.workspaceId, ctx.actor.workspaceId),
        parsed.outcome ? eq(xeroCallLog.outcome, parsed.outcome) : undefined,
        parsed.record_id ? eq(xeroCallLog.recordId, parsed.record_id) : undefined,
        before ? lt(xeroCallLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(xeroCallLog.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}
