import { OpenAPIHono, z } from "@hono/zod-openapi";
import { JOB_STATUSES } from "../../db/schema/jobs.ts";
import { listJobs, retryJob } from "../../modules/operations/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, IdParam, json, PageQuerySchema, pageOf } from "../openapi.ts";

const JobSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(JOB_STATUSES),
    attempts: z.number().int(),
    max_attempts: z.number().int(),
    run_at: z.string(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .openapi("Job");

function toJobDto(j: {
  id: string;
  name: string;
  status: (typeof JOB_STATUSES)[number];
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}) {
  return {
    id: j.id,
    name: j.name,
    status: j.status,
    attempts: j.attempts,
    max_attempts: j.maxAttempts,
    run_at: j.runAt.toISOString(),
    last_error: j.lastError,
    created_at: j.createdAt.toISOString(),
    finished_at: j.finishedAt?.toISOString() ?? null,
  };
}

const tags = ["Jobs"];
export const jobRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/jobs",
      tags,
      summary: "List background jobs (filter status=dead to find failures)",
      scope: "settings:write",
      request: { query: PageQuerySchema.extend({ status: z.enum(JOB_STATUSES).optional() }) },
      responses: { 200: json(pageOf(JobSchema), "A page of jobs, newest first") },
    }),
    async (c) => {
      const page = await listJobs(ctxOf(c), c.req.valid("query"));
      return c.json({ data: page.data.map(toJobDto), has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/jobs/{id}/retry",
      tags,
      summary: "Queue a dead job again",
      scope: "settings:write",
      request: { params: IdParam },
      responses: { 200: json(JobSchema, "The job, queued") },
    }),
    async (c) => c.json(toJobDto(await retryJob(ctxOf(c), c.req.valid("param"))), 200),
  );
