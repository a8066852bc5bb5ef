import { and, asc, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import { companies, contacts, products } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";

type Keyed = PgTable & { id: PgColumn; workspaceId: PgColumn };

/**
 * The oldest record of the workspace whose `column` equals `value` (text compared without case, as people
 * type names and emails), or null.
 */
export async function findBy(
  db: DbOrTx,
  table: Keyed,
  workspaceId: string,
  column: PgColumn,
  value: string,
): Promise<string | null> {
  const match = column === table.id ? eq(column, value) : sql`lower(${column}) = lower(${value})`;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), match))
    .orderBy(asc(table.id))
    .limit(1);
  return (row?.id as string | undefined) ?? null;
}

function missing(field: string, what: string, value: string): AppError {
  return new AppError("not_found", `No ${what} "${value}" in this workspace.`, {
    issues: [
      {
        field,
        message: `no ${what} "${value}" in this workspace; import ${what === "product" ? "products" : "companies"} first`,
      },
    ],
  });
}

/** A company given by id (company_id) or by name (company). */
export async function companyRef(db: DbOrTx, workspaceId: string, values: Record<string, string>) {
  if (values.company_id) return values.company_id;
  if (!values.company) return undefined;
  const id = await findBy(db, companies, workspaceId, companies.name, values.company);
  if (!id) throw missing("company", "company", values.company);
  return id;
}

/** A contact given by email or name. */
export async function contactRef(db: DbOrTx, workspaceId: string, value: string | undefined) {
  if (!value) return undefined;
  const column = value.includes("@") ? contacts.email : contacts.name;
  const id = await findBy(db, contacts, workspaceId, column, value);
  if (!id) {
    throw new AppError("not_found", `No contact "${value}" in this workspace.`, {
      issues: [{ field: "contact", message: `no contact with that email or name; import contacts first` }],
    });
  }
  return id;
}

/** A product given by id (product_id), or by SKU or name (product). */
export async function productRef(db: DbOrTx, workspaceId: string, values: Record<string, string>) {
  if (values.product_id) return values.product_id;
  if (!values.product) return undefined;
  const id =
    (await findBy(db, products, workspaceId, products.sku, values.product)) ??
    (await findBy(db, products, workspaceId, products.name, values.product));
  if (!id) throw missing("product", "product", values.product);
  return id;
}
