import { and, eq } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { productLines } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { type LineView, selectLineRows, toLineView } from "./line-view.ts";

/** One line of one opportunity as callers see it; no scope check (verbs have done theirs). */
export async function readLine(
  db: DbOrTx,
  actor: Actor,
  opportunity: { id: string; currency: string },
  lineId: string,
): Promise<LineView> {
  const [row] = await selectLineRows(db).where(
    and(
      eq(productLines.workspaceId, actor.workspaceId),
      eq(productLines.opportunityId, opportunity.id),
      eq(productLines.id, lineId),
    ),
  );
  if (!row) {
    throw notFound("product line", lineId);
  }
  return toLineView(row.line, row.product, row.workspaceDeposit, opportunity.currency, actor);
}
