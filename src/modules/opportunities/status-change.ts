import { and, eq } from "drizzle-orm";
import type { Actor, Ctx } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { type PaymentStatusSource, paymentStatusHistory, productLines } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import type { PaymentStatus } from "../billing/index.ts";
import { recordBusinessEvent } from "../payments/business-events.ts";

/**
 * Locks the line for the rest of the caller's transaction, so concurrent status changes of one line run one
 * after another and each sees the status the previous one committed.
 */
export async function lockLine(tx: Tx, workspaceId: string, lineId: string) {
  const [line] = await tx
    .select({ id: productLines.id, opportunityId: productLines.opportunityId, status: productLines.paymentStatus })
    .from(productLines)
    .where(and(eq(productLines.workspaceId, workspaceId), eq(productLines.id, lineId)))
    .for("update");
  if (!line) {
    throw notFound("product line", lineId);
  }
  return line;
}

function actorOf(actor: Actor): { actorKind: Actor["kind"]; actorId: string | null } {
  switch (actor.kind) {
    case "member":
      return { actorKind: "member", actorId: actor.userId };
    case "api_key":
      return { actorKind: "api_key", actorId: actor.keyId };
    case "system":
      return { actorKind: "system", actorId: null };
  }
}

export type StatusChange = {
  line: { id: string; opportunityId: string; status: PaymentStatus };
  to: PaymentStatus;
  source: PaymentStatusSource;
  invoiceId?: string | undefined;
};

/** Writes the new status and its history row; callers only call it for a real change, on a locked line. */
export async function writeStatusChange(tx: Tx, ctx: Ctx, change: StatusChange): Promise<void> {
  const now = ctx.clock.now();
  await tx
    .update(productLines)
    .set({ paymentStatus: change.to, updatedAt: now })
    .where(eq(productLines.id, change.line.id));
  const historyId = newId("statusChange", now);
  await tx.insert(paymentStatusHistory).values({
    id: historyId,
    workspaceId: ctx.actor.workspaceId,
    lineId: change.line.id,
    opportunityId: change.line.opportunityId,
    fromStatus: change.line.status,
    toStatus: change.to,
    source: change.source,
    ...actorOf(ctx.actor),
    invoiceId: change.invoiceId ?? null,
    createdAt: now,
  });
  await recordBusinessEvent(tx, {
    workspaceId: ctx.actor.workspaceId,
    type: "payment_status_changed",
    invoiceId: change.invoiceId ?? null,
    opportunityId: change.line.opportunityId,
    dedupeKey: `payment_status_changed:${historyId}`,
    occurredAt: now,
    data: { line_id: change.line.id, from: change.line.status, to: change.to, source: change.source },
    depth: ctx.automationDepth,
  });
}
