import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import type { PaymentStatus } from "../billing/index.ts";
import { Id } from "../crm/fields.ts";
import { PaymentStatusField } from "./schemas.ts";
import { lockLine, writeStatusChange } from "./status-change.ts";

export const SetPaymentStatusInput = z.strictObject({ lineId: Id, status: PaymentStatusField });
export type SetPaymentStatusInput = z.input<typeof SetPaymentStatusInput>;

/** A manual change sets exactly the value asked, up or down; setting the current value records nothing. */
export async function applyManualStatus(tx: Tx, ctx: Ctx, lineId: string, status: PaymentStatus) {
  const line = await lockLine(tx, ctx.actor.workspaceId, lineId);
  if (line.status !== status) {
    await writeStatusChange(tx, ctx, { line, to: status, source: "manual" });
  }
  return { changed: line.status !== status, from: line.status, to: status };
}

/** Manual correction by a member or key with invoices:write (UI, REST, MCP). */
export async function setPaymentStatus(ctx: Ctx, input: SetPaymentStatusInput) {
  const parsed = parseInput(SetPaymentStatusInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  return withTransaction(ctx, (tx) => applyManualStatus(tx, ctx, parsed.lineId, parsed.status));
}
