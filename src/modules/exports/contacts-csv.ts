import { and, desc, eq, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { companies, contacts } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { nameContains } from "../crm/internal.ts";
import { csvLine } from "../imports/index.ts";
import { EXPORT_BATCH, pagedCsv } from "./paged.ts";
import { ExportQuery } from "./schemas.ts";

const HEADER = ["id", "name", "email", "phone", "company_id", "company", "is_primary", "created_at"];

/** Contacts as CSV with their company's name, newest first. */
export function contactsCsv(ctx: Ctx, input: ExportQuery): AsyncGenerator<string> {
  const parsed = parseInput(ExportQuery, input);
  requireScope(ctx.actor.scopes, "contacts:read");
  return pagedCsv(
    csvLine(HEADER),
    (before) =>
      ctx.db
        .select({
          id: contacts.id,
          name: contacts.name,
          email: contacts.email,
          phone: contacts.phone,
          companyId: contacts.companyId,
          company: companies.name,
          isPrimary: contacts.isPrimary,
          createdAt: contacts.createdAt,
        })
        .from(contacts)
        .leftJoin(companies, and(eq(companies.workspaceId, contacts.workspaceId), eq(companies.id, contacts.companyId)))
        .where(
          and(
            eq(contacts.workspaceId, ctx.actor.workspaceId),
            nameContains(contacts.name, parsed.q),
            before ? lt(contacts.id, before) : undefined,
          ),
        )
        .orderBy(desc(contacts.id))
        .limit(EXPORT_BATCH),
    (rows) =>
      rows
        .map((r) =>
          csvLine([r.id, r.name, r.email, r.phone, r.companyId, r.company, r.isPrimary, r.createdAt.toISOString()]),
        )
        .join(""),
  );
}
