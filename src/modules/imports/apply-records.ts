import type { Ctx } from "../../context.ts";
import type { ImportEntity, ImportRowError } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import type { RowResult } from "./existing.ts";
import { importCompany } from "./import-company.ts";
import { importContact } from "./import-contact.ts";
import { importOpportunity, RowFailure } from "./import-opportunity.ts";
import { importProduct } from "./import-product.ts";
import type { PreparedImport } from "./prepare-rows.ts";
import type { ImportRecord } from "./schemas.ts";

export type Outcome = { errors: ImportRowError[]; created: number; updated: number; rows: number };

/**
 * The units an import writes: one record per row, except opportunities, whose rows (one per line) are grouped
 * by the key field so an opportunity and its lines are written together or not at all.
 */
export function groupRecords(entity: ImportEntity, prepared: PreparedImport): ImportRecord[][] {
  const key = prepared.keyField;
  if (entity !== "opportunities" || !key) {
    return prepared.records.map((r) => [r]);
  }
  const groups = new Map<string, ImportRecord[]>();
  const out: ImportRecord[][] = [];
  for (const record of prepared.records) {
    const value = record.values[key]?.toLowerCase();
    const group = value === undefined ? undefined : groups.get(value);
    if (group) {
      group.push(record);
      continue;
    }
    const fresh = [record];
    if (value !== undefined) groups.set(value, fresh);
    out.push(fresh);
  }
  return out;
}

/**
 * Writes each unit in its own savepoint inside ctx's transaction: a unit that fails rolls back alone and is
 * reported per row (field named by its CSV column), and the others go on.
 */
export async function applyRecords(
  ctx: Ctx,
  entity: ImportEntity,
  units: ImportRecord[][],
  prepared: PreparedImport,
): Promise<Outcome> {
  const outcome: Outcome = { errors: [], created: 0, updated: 0, rows: 0 };
  const tx = ctx.db;
  for (const unit of units) {
    outcome.rows += unit.length;
    try {
      const result = await tx.transaction(async (sp) => writeUnit({ ...ctx, db: sp }, entity, unit, prepared.keyField));
      outcome[result] += 1;
    } catch (error) {
      const failedRow = error instanceof RowFailure ? error.row : (unit[0]?.row ?? 0);
      const failure = error instanceof RowFailure ? error.failure : error;
      const errors = rowErrors(failedRow, failure, prepared.columnOf);
      for (const other of unit) {
        if (other.row !== failedRow) {
          errors.push({
            row: other.row,
            field: "(row)",
            message: `not imported: row ${failedRow} of the same opportunity has errors`,
          });
        }
      }
      outcome.errors.push(...errors.sort((x, y) => x.row - y.row));
    }
  }
  return outcome;
}

function writeUnit(ctx: Ctx, entity: ImportEntity, unit: ImportRecord[], keyField: string | null): Promise<RowResult> {
  const values = unit[0]?.values ?? {};
  switch (entity) {
    case "companies":
      return importCompany(ctx, values, keyField);
    case "contacts":
      return importContact(ctx, values, keyField);
    case "products":
      return importProduct(ctx, values, keyField);
    case "opportunities":
      return importOpportunity(ctx, unit, keyField);
  }
}

function rowErrors(row: number, error: unknown, columnOf: Record<string, string>): ImportRowError[] {
  if (!(error instanceof AppError)) {
    return [{ row, field: "(row)", message: "could not be stored" }];
  }
  if (!error.issues?.length) {
    return [{ row, field: "(row)", message: error.message }];
  }
  return error.issues.map((issue) => ({
    row,
    field: columnOf[issue.field] ?? issue.field,
    message: issue.allowed ? `${issue.message}` : issue.message,
  }));
}
