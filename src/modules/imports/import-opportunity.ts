import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { opportunities, productLines } from "../../db/schema/index.ts";
import {
  addLine,
  type CreateOpportunityInput,
  createOpportunity,
  updateLine,
  updateOpportunity,
} from "../opportunities/index.ts";
import { defined, minorAmount } from "./coerce.ts";
import { existingByKey, type RowResult } from "./existing.ts";
import { companyRef, contactRef, productRef } from "./lookup.ts";
import type { ImportRecord } from "./schemas.ts";

const OPPORTUNITY_FIELDS = ["id", "name", "company", "company_id", "contact", "currency", "stage", "status"];

/** A failure in one row of an opportunity's rows, so the error names that row. */
export class RowFailure extends Error {
  constructor(
    readonly row: number,
    readonly failure: unknown,
  ) {
    super("row failed");
  }
}

/**
 * One opportunity from its rows (one row per line; opportunity fields may repeat on each row or stand on the
 * first). On a re-run each line updates the first not-yet-matched line of the same product, so the same file
 * twice leaves the same lines.
 */
export async function importOpportunity(ctx: Ctx, rows: ImportRecord[], keyField: string | null): Promise<RowResult> {
  const first = rows[0] as ImportRecord;
  const merged: Record<string, string> = {};
  for (const { values } of rows) {
    for (const field of OPPORTUNITY_FIELDS) {
      if (values[field] !== undefined && merged[field] === undefined) merged[field] = values[field];
    }
  }
  const ws = ctx.actor.workspaceId;
  let opportunityId: string;
  let currency: string;
  let result: RowResult;
  try {
    const input = defined({
      name: merged.name,
      company_id: await companyRef(ctx.db, ws, merged),
      primary_contact_id: await contactRef(ctx.db, ws, merged.contact),
      currency: merged.currency,
      stage: merged.stage,
      status: merged.status,
    });
    const columns = { id: opportunities.id, name: opportunities.name };
    const id = await existingByKey(ctx, opportunities, columns, merged, keyField);
    const view = id
      ? await updateOpportunity(ctx, { ...(input as object), id })
      : await createOpportunity(ctx, input as CreateOpportunityInput);
    opportunityId = view.id;
    currency = view.currency;
    result = id ? "updated" : "created";
  } catch (error) {
    throw new RowFailure(first.row, error);
  }
  const existing = await ctx.db
    .select({ id: productLines.id, productId: productLines.productId })
    .from(productLines)
    .where(and(eq(productLines.workspaceId, ws), eq(productLines.opportunityId, opportunityId)))
    .orderBy(asc(productLines.sortOrder), asc(productLines.id));
  const unmatched = [...existing];
  for (const { row, values } of rows) {
    if (!values.product && !values.product_id) continue;
    try {
      const productId = (await productRef(ctx.db, ws, values)) as string;
      const line = defined({
        quantity: values.quantity,
        unit_amount: minorAmount(values, currency),
        discount_percent: values.discount_percent,
        deposit_percent: values.deposit_percent,
        tax_rate: values.tax_rate,
      });
      const index = unmatched.findIndex((l) => l.productId === productId);
      if (index >= 0) {
        const [match] = unmatched.splice(index, 1);
        await updateLine(ctx, { ...(line as object), opportunity_id: opportunityId, line_id: match?.id ?? "" });
      } else {
        await addLine(ctx, { ...(line as object), opportunity_id: opportunityId, product_id: productId });
      }
    } catch (error) {
      throw new RowFailure(row, error);
    }
  }
  return result;
}
