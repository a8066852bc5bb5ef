import { and, desc, eq, isNotNull, isNull, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { companies } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { nameContains } from "../crm/internal.ts";
import { csvLine } from "../imports/index.ts";
import { EXPORT_BATCH, pagedCsv } from "./paged.ts";
import { CompaniesExportQuery } from "./schemas.ts";

const HEADER = ["id", "name", "email", "phone", "website", "xero_contact_id", "archived_at", "created_at"];

/** Companies as CSV, newest first; the columns read back in through POST /imports. */
export function companiesCsv(ctx: Ctx, input: CompaniesExportQuery): AsyncGenerator<string> {
  const parsed = parseInput(CompaniesExportQuery, input);
  requireScope(ctx.actor.scopes, "companies:read");
  const archived =
    parsed.archived === "true"
      ? undefined
      : parsed.archived === "only"
        ? isNotNull(companies.archivedAt)
        : isNull(companies.archivedAt);
  return pagedCsv(
    csvLine(HEADER),
    (before) =>
      ctx.db
        .select()
        .from(companies)
        .where(
          and(
            eq(companies.workspaceId, ctx.actor.workspaceId),
            archived,
            nameContains(companies.name, parsed.q),
            before ? lt(companies.id, before) : undefined,
          ),
        )
        .orderBy(desc(companies.id))
        .limit(EXPORT_BATCH),
    (rows) =>
      rows
        .map((r) =>
          csvLine([
            r.id,
            r.name,
            r.email,
            r.phone,
            r.website,
            r.xeroContactId,
            r.archivedAt?.toISOString(),
            r.createdAt.toISOString(),
          ]),
        )
        .join(""),
  );
}
