import { and, eq, ilike } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import { companies, contacts, products } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../lib/errors.ts";

export async function getCompanyOrThrow(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)));
  if (!row) {
    throw notFound("company", id);
  }
  return row;
}

export async function getContactOrThrow(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
  if (!row) {
    throw notFound("contact", id);
  }
  return row;
}

export async function getProductOrThrow(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
  if (!row) {
    throw notFound("product", id);
  }
  return row;
}

/**
 * A referenced record given in a body: another workspace's id is 404 like everywhere else (existence does
 * not leak), and the issue names the field that carried it.
 */
export function referenceNotFound(error: unknown, field: string): unknown {
  if (error instanceof AppError && error.code === "not_found") {
    return new AppError("not_found", `${error.message} (${field})`, {
      details: error.details,
      issues: [{ field, message: "no such record in this workspace" }],
    });
  }
  return error;
}

export async function withReference<T>(field: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw referenceNotFound(error, field);
  }
}

/** Case-insensitive substring match; % and _ typed by the user are literal. */
export function nameContains(column: PgColumn, q: string | undefined) {
  if (!q) {
    return undefined;
  }
  return ilike(column, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code === "23503";
}
