import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { BUSINESS_EVENT_TYPES, businessEvents } from "../../db/schema/payments.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";

export const ListBusinessEventsInput = z.strictObject({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  type: z.enum(BUSINESS_EVENT_TYPES).optional(),
  invoice_id: RecordId.optional(),
  opportunity_id: RecordId.optional(),
});
export type ListBusinessEventsInput = z.input<typeof ListBusinessEventsInput>;

/** What happened to the workspace's money (payment succeeded, failed, refunded…), newest first. */
export async function listBusinessEvents(ctx: Ctx, input: ListBusinessEventsInput) {
  const parsed = parseInput(ListBusinessEventsInput, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  const before = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(businessEvents)
    .where(
      and(
        eq(businessEvents.workspaceId, ctx.actor.workspaceId),
        parsed.type ? eq(businessEvents.type, parsed.type) : undefined,
        parsed.invoice_id ? eq(businessEvents.invoiceId, parsed.invoice_id) : undefined,
        parsed.opportunity_id ? eq(businessEvents.opportunityId, parsed.opportunity_id) : undefined,
        before ? lt(businessEvents.id, before) : undefined,
      ),
    )
    .orderBy(desc(businessEvents.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}
