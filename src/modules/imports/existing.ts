import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Ctx } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import { findBy } from "./lookup.ts";

export type RowResult = "created" | "updated";

/**
 * The record a row updates: found by the key field's value. An id that matches nothing is an error (ids are
 * never invented); any other key that matches nothing means the row creates a record.
 */
export async function existingByKey(
  ctx: Ctx,
  table: PgTable & { id: PgColumn; workspaceId: PgColumn },
  columns: Record<string, PgColumn>,
  values: Record<string, string>,
  keyField: string | null,
): Promise<string | null> {
  const value = keyField ? values[keyField] : undefined;
  const column = keyField ? columns[keyField] : undefined;
  if (!keyField || !value || !column) {
    return null;
  }
  const id = await findBy(ctx.db, table, ctx.actor.workspaceId, column, value);
  if (!id && keyField === "id") {
    throw new AppError("not_found", `No record with id ${value} in this workspace.`, {
      issues: [{ field: "id", message: "no such record in this workspace; leave id empty to create one" }],
    });
  }
  return id;
}
