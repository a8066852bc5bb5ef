import { and, desc, eq, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { products } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { nameContains } from "../crm/internal.ts";
import { csvLine } from "../imports/index.ts";
import { EXPORT_BATCH, pagedCsv } from "./paged.ts";
import { ExportQuery } from "./schemas.ts";

const HEADER = [
  "id",
  "name",
  "sku",
  "description",
  "unit_amount",
  "currency",
  "unit",
  "billing",
  "recurring_interval",
  "deposit_percent",
  "tax_rate",
  "xero_account_code",
  "is_active",
  "archived_at",
];

/** The catalogue as CSV, newest first; unit_amount in minor units as the API gives it. */
export function productsCsv(ctx: Ctx, input: ExportQuery): AsyncGenerator<string> {
  const parsed = parseInput(ExportQuery, input);
  requireScope(ctx.actor.scopes, "products:read");
  return pagedCsv(
    csvLine(HEADER),
    (before) =>
      ctx.db
        .select()
        .from(products)
        .where(
          and(
            eq(products.workspaceId, ctx.actor.workspaceId),
            nameContains(products.name, parsed.q),
            before ? lt(products.id, before) : undefined,
          ),
        )
        .orderBy(desc(products.id))
        .limit(EXPORT_BATCH),
    (rows) =>
      rows
        .map((r) =>
          csvLine([
            r.id,
            r.name,
            r.sku,
            r.description,
            r.unitAmount,
            r.currency,
            r.unit,
            r.billing,
            r.recurringInterval,
            r.defaultDepositPercent,
            r.taxRate,
            r.xeroAccountCode,
            r.isActive,
            r.archivedAt?.toISOString(),
          ]),
        )
        .join(""),
  );
}
