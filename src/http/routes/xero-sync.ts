import { OpenAPIHono, z } from "@hono/zod-openapi";
import { XERO_CALL_OUTCOMES } from "../../db/schema/xero-sync.ts";
import { toXeroLogEntryDto, XeroLogEntrySchema } from "../../dto/xero-sync.ts";
import { listXeroLog } from "../../modules/integrations/index.ts";
import { getXeroSyncProgress, requestXeroWorkspaceSync, type XeroSyncProgress } from "../../modules/invoices/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, json, PageQuerySchema, pageOf } from "../openapi.ts";

const tags = ["Integrations"];
const SyncSchema = z
  .object({
    state: z.enum(["idle", "queued", "running", "failed"]),
    processed: z.number().int(),
    total: z.number().int(),
    watermark: z.string().nullable(),
    interval_minutes: z.number().int(),
    last_error: z.string().nullable(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
  })
  .openapi("XeroSync");
const toSyncDto = (s: XeroSyncProgress) => ({
  state: s.state,
  processed: s.processed,
  total: s.total,
  watermark: s.watermark?.toISOString() ?? null,
  interval_minutes: s.intervalMinutes,
  last_error: s.lastError,
  started_at: s.startedAt?.toISOString() ?? null,
  finished_at: s.finishedAt?.toISOString() ?? null,
});
const LogQuery = PageQuerySchema.extend({
  outcome: z.enum(XERO_CALL_OUTCOMES).optional().openapi({ description: "Only calls with this outcome" }),
  record_id: z.string().min(1).max(64).optional().openapi({ description: "Only calls about this Settle record" }),
});

/** The workspace sync (progress, Sync Invoices) and the integration log of Xero calls. */
export const xeroSyncRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/integrations/xero/sync",
      tags,
      summary: "Progress of the workspace's Xero sync (processed of total invoices) and its schedule",
      scope: "integrations:read",
      responses: { 200: json(SyncSchema, "The sync's state") },
    }),
    async (c) => c.json(toSyncDto(await getXeroSyncProgress(ctxOf(c))), 200),
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/integrations/xero/sync",
      tags,
      summary: "Sync Invoices: queue a sync of every linked contact's Xero invoices (one at a time)",
      scope: "invoices:write",
      responses: { 202: json(SyncSchema, "Queued (or already queued or running)") },
    }),
    async (c) => c.json(toSyncDto(await requestXeroWorkspaceSync(ctxOf(c))), 202),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/integrations/xero/log",
      tags,
      summary: "The integration log: every Xero call of the last 30 days, newest first",
      scope: "integrations:read",
      request: { query: LogQuery },
      responses: { 200: json(pageOf(XeroLogEntrySchema), "A page of Xero calls") },
    }),
    async (c) => {
      const page = await listXeroLog(ctxOf(c), c.req.valid("query"));
      const data = page.data.map(toXeroLogEntryDto);
      return c.json({ data, has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
    },
  );
