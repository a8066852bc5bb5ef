import { z } from "zod";
import type { Page } from "../../lib/pagination.ts";

// Field schemas for ids that REST carries in the path; MCP tools take them as named arguments instead.
export const OpportunityId = z.string().min(1).max(64).describe("Opportunity id (opp_…)");
export const LineId = z.string().min(1).max(64).describe("Product line id (line_…), from get_opportunity_products");
export const InvoiceId = z.string().min(1).max(64).describe("Invoice id (inv_…)");

/** The REST list envelope, so a tool's structuredContent matches what GET returns. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), has_more: z.boolean(), next_cursor: z.string().nullable() });
}

export function pageDto<T, D>(page: Page<T>, toDto: (row: T) => D) {
  return { data: page.data.map(toDto), has_more: page.hasMore, next_cursor: page.nextCursor };
}

/** Lists REST returns in one page (lines, an opportunity's invoices). */
export function wholeList<T, D>(rows: T[], toDto: (row: T) => D) {
  return { data: rows.map(toDto), has_more: false, next_cursor: null };
}
