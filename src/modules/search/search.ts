import { and, asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { companies, contacts, invoices, opportunities } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { hasScope, requireScope } from "../access/index.ts";
import { type SearchHit, SearchQuery } from "./schemas.ts";
import { prefixQuery } from "./text-query.ts";

/**
 * One box across the CRM: companies, contacts (name or email) and opportunities by word prefixes (PostgreSQL
 * full-text search on GIN indexes, PGlite included), invoices by number prefix. Each kind appears only with
 * its read scope, so invoices never surface without invoices:read.
 */
export async function search(ctx: Ctx, input: SearchQuery): Promise<SearchHit[]> {
  const parsed = parseInput(SearchQuery, input);
  requireScope(ctx.actor.scopes, "companies:read");
  const ws = ctx.actor.workspaceId;
  const words = prefixQuery(parsed.q);
  const limit = parsed.limit;
  const hits: SearchHit[] = [];
  if (words) {
    // The matches come from the GIN index first and are sorted after (a materialized CTE), so the planner
    // cannot walk the (workspace, name) index in name order instead: that filters every company for a rare
    // prefix (50,000 rows for three hits). Sorting the matches costs what the prefix matches, and no more.
    const result = await ctx.db.execute(sql`
      with matches as materialized (
        select ${companies.id} as id, ${companies.name} as name, ${companies.website} as website
        from ${companies}
        where ${companies.workspaceId} = ${ws} and ${companies.archivedAt} is null
          and to_tsvector('simple', ${companies.name}) @@ ${words}
      )
      select id, name, website from matches order by name, id limit ${limit}`);
    const found = (result as unknown as { rows: { id: string; name: string; website: string | null }[] }).rows;
    hits.push(
      ...found.map((c) => ({ type: "company" as const, id: c.id, title: c.name, subtitle: c.website, parentId: null })),
    );
  }
  if (words && hasScope(ctx.actor.scopes, "contacts:read")) {
    const found = await ctx.db
      .select({ id: contacts.id, name: contacts.name, email: contacts.email, companyId: contacts.companyId })
      .from(contacts)
      .where(
        and(
          eq(contacts.workspaceId, ws),
          sql`to_tsvector('simple', ${contacts.name} || ' ' || coalesce(${contacts.email}, '')) @@ ${words}`,
        ),
      )
      .orderBy(asc(contacts.name))
      .limit(limit);
    hits.push(
      ...found.map((c) => ({
        type: "contact" as const,
        id: c.id,
        title: c.name,
        subtitle: c.email,
        parentId: c.companyId,
      })),
    );
  }
  if (words && hasScope(ctx.actor.scopes, "opportunities:read")) {
    const found = await ctx.db
      .select({
        id: opportunities.id,
        name: opportunities.name,
        stage: opportunities.stage,
        companyId: opportunities.companyId,
      })
      .from(opportunities)
      .where(and(eq(opportunities.workspaceId, ws), sql`to_tsvector('simple', ${opportunities.name}) @@ ${words}`))
      .orderBy(asc(opportunities.name))
      .limit(limit);
    hits.push(
      ...found.map((o) => ({
        type: "opportunity" as const,
        id: o.id,
        title: o.name,
        subtitle: o.stage,
        parentId: o.companyId,
      })),
    );
  }
  if (hasScope(ctx.actor.scopes, "invoices:read")) {
    // lower(number) like 'prefix%' reads the (workspace, lower(number) text_pattern_ops) index; ilike cannot.
    const prefix = `${parsed.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const found = await ctx.db
      .select({
        id: invoices.id,
        number: invoices.number,
        status: invoices.status,
        opportunityId: invoices.opportunityId,
      })
      .from(invoices)
      .where(and(eq(invoices.workspaceId, ws), sql`lower(${invoices.number}) like ${prefix}`))
      .orderBy(asc(invoices.number))
      .limit(limit);
    hits.push(
      ...found.map((i) => ({
        type: "invoice" as const,
        id: i.id,
        title: i.number,
        subtitle: i.status,
        parentId: i.opportunityId,
      })),
    );
  }
  return hits;
}
