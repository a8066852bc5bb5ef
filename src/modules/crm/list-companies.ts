import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { companies } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { decodeCursor, type Page, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { nameContains } from "./internal.ts";
import { ListCompaniesQuery } from "./schemas.ts";

type CompanyRow = typeof companies.$inferSelect;

/**
 * Newest first, or by name (`sort=name`, A→Z, ties by id); `q` matches the name; archived companies are
 * hidden unless `archived` is true (include them) or only (just them). `ids` narrows to those companies.
 */
export async function listCompanies(ctx: Ctx, query: ListCompaniesQuery): Promise<Page<CompanyRow>> {
  const parsed = parseInput(ListCompaniesQuery, query);
  requireScope(ctx.actor.scopes, "companies:read");
  // Asking for companies by id (a board naming its cards) finds archived ones too, unless `archived` is given.
  const archivedFilter = parsed.archived ?? (parsed.ids ? "true" : "false");
  const archived =
    archivedFilter === "true"
      ? undefined
      : archivedFilter === "only"
        ? isNotNull(companies.archivedAt)
        : isNull(companies.archivedAt);
  const base = and(
    eq(companies.workspaceId, ctx.actor.workspaceId),
    archived,
    nameContains(companies.name, parsed.q),
    parsed.ids ? inArray(companies.id, parsed.ids) : undefined,
  );
  if (parsed.sort === "name") {
    const after = decodeNameCursor(parsed.cursor);
    const rows = await ctx.db
      .select()
      .from(companies)
      .where(
        and(
          base,
          after
            ? or(gt(companies.name, after.name), and(eq(companies.name, after.name), gt(companies.id, after.id)))
            : undefined,
        ),
      )
      .orderBy(asc(companies.name), asc(companies.id))
      .limit(parsed.limit + 1);
    const page = toPage(rows, parsed.limit);
    const last = page.data.at(-1);
    return { ...page, nextCursor: page.hasMore && last ? encodeNameCursor(last) : null };
  }
  const after = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(companies)
    .where(and(base, after ? lt(companies.id, after) : undefined))
    .orderBy(desc(companies.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}

function encodeNameCursor(row: CompanyRow): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString("base64url");
}

function decodeNameCursor(cursor: string | undefined): { name: string; id: string } | undefined {
  if (!cursor) {
    return undefined;
  }
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof name === "string" && typeof id === "string") {
      return { name, id };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("invalid_input", "The cursor is not one this API returned.", {
    issues: [
      { field: "cursor", message: "invalid cursor; pass next_cursor from the previous page with the same sort" },
    ],
  });
}
