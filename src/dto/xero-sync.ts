import { z } from "@hono/zod-openapi";
import { XERO_CALL_OUTCOMES } from "../db/schema/xero-sync.ts";
import type { PayerCompany } from "../modules/invoices/index.ts";

/** A company that pays an opportunity's bills besides its client (SPEC §4.6). */
export const PayerCompanySchema = z
  .object({ id: z.string(), name: z.string(), xero_contact_id: z.string().nullable() })
  .openapi("PayerCompany");

export const toPayerCompanyDto = (p: PayerCompany) => ({ id: p.id, name: p.name, xero_contact_id: p.xeroContactId });

/** An invoice raised in Xero, as pinned to one opportunity (or unpinned: null). */
export const XeroPinSchema = z.object({ xero_invoice_id: z.string(), pinned_opportunity_id: z.string().nullable() });

export const toXeroPinDto = (row: { externalId: string; pinnedOpportunityId: string | null }) => ({
  xero_invoice_id: row.externalId,
  pinned_opportunity_id: row.pinnedOpportunityId,
});

/** One entry of the integration log: a call to Xero (or a token refresh) and what came of it. */
export const XeroLogEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    outcome: z.enum(XERO_CALL_OUTCOMES),
    http_status: z.number().int().nullable(),
    duration_ms: z.number().int().nullable(),
    record_id: z.string().nullable(),
    message: z.string().nullable(),
    fix: z.string().nullable(),
    user_initiated: z.boolean(),
  })
  .openapi("XeroLogEntry");

export const toXeroLogEntryDto = (r: {
  id: string;
  startedAt: Date;
  action: string;
  outcome: (typeof XERO_CALL_OUTCOMES)[number];
  httpStatus: number | null;
  durationMs: number | null;
  recordId: string | null;
  message: string | null;
  fix: string | null;
  userInitiated: boolean;
}) => ({
  id: r.id,
  at: r.startedAt.toISOString(),
  action: r.action,
  outcome: r.outcome,
  http_status: r.httpStatus,
  duration_ms: r.durationMs,
  record_id: r.recordId,
  message: r.message,
  fix: r.fix,
  user_initiated: r.userInitiated,
});
