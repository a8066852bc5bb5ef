import { z } from "zod";
import type { Page } from "../../lib/pagination.ts";
import { RecordId } from "../../lib/record-id.ts";

// Field schemas for ids that REST carries in the path; MCP tools take them as named arguments instead.
// They are checked exactly as REST checks path ids (RecordId), so a NUL byte is a 400-style error, never a 500.
export const OpportunityId = RecordId.describe("Opportunity id (opp_…)");
export const LineId = RecordId.describe("Product line id (line_…), from get_opportunity_products");
export const InvoiceId = RecordId.describe("Invoice id (inv_…)");

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
