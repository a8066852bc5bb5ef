import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import { PAYMENT_STATUS_SOURCES } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { type PaymentStatus, promotedStatus } from "../billing/index.ts";
import { Id } from "../crm/fields.ts";
import { PaymentStatusField } from "./schemas.ts";
import { lockLine, writeStatusChange } from "./status-change.ts";

export const PromoteInput = z.strictObject({
  lineId: Id,
  proposed: PaymentStatusField,
  source: z.enum(PAYMENT_STATUS_SOURCES),
  invoiceId: Id.optional(),
});
export type PromoteInput = z.input<typeof PromoteInput>;

export type PromoteResult = { changed: boolean; from: PaymentStatus; to: PaymentStatus };

/**
 * The system's way to move a line (SPEC §2): sets max(current, proposed) and records history only when the
 * status rises. No scope check: callers (invoicing, syncs, webhooks) have done theirs. Pass a ctx whose db is
 * the caller's transaction to make the promotion part of it; the line stays locked until that commits.
 */
export async function promote(ctx: Ctx, input: PromoteInput): Promise<PromoteResult> {
  const parsed = parseInput(PromoteInput, input);
  return withTransaction(ctx, async (tx) => {
    const line = await lockLine(tx, ctx.actor.workspaceId, parsed.lineId);
    const to = promotedStatus(line.status, parsed.proposed);
    if (to === line.status) {
      return { changed: false, from: line.status, to };
    }
    await writeStatusChange(tx, ctx, { line, to, source: parsed.source, invoiceId: parsed.invoiceId });
    return { changed: true, from: line.status, to };
  });
}
