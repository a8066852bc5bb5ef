import { z } from "@hono/zod-openapi";
import { AUTOMATION_ACTION_STATUSES, AUTOMATION_RUN_STATUSES, BUSINESS_EVENT_TYPES } from "../db/schema/index.ts";
import {
  ACTION_TYPES,
  type AutomationResult,
  type AutomationRow,
  CONDITION_FIELDS,
  CONDITION_OPS,
  type DryRunAction,
  type RunWithActions,
} from "../modules/automations/index.ts";

const ConditionSchema = z.object({ field: z.enum(CONDITION_FIELDS), op: z.enum(CONDITION_OPS), value: z.unknown() });

export const AutomationActionSchema = z
  .object({
    id: z.string(),
    type: z.enum(ACTION_TYPES),
    continue_on_failure: z.boolean().optional(),
    secret: z.string().optional().openapi({
      description: "call_webhook only, in the answer that created the action: the signing secret (whsec_…), shown once",
    }),
  })
  .catchall(z.unknown())
  .openapi("AutomationAction");

export const AutomationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    trigger: z.object({ type: z.enum(BUSINESS_EVENT_TYPES) }),
    conditions: z
      .object({ all: z.array(ConditionSchema).optional(), any: z.array(ConditionSchema).optional() })
      .nullable(),
    actions: z.array(AutomationActionSchema),
    owner_user_id: z.string().nullable(),
    owner_key_id: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Automation");

export function toAutomationDto(a: AutomationRow | AutomationResult): z.infer<typeof AutomationSchema> {
  const revealed = "revealedSecrets" in a ? (a.revealedSecrets ?? {}) : {};
  return {
    id: a.id,
    name: a.name,
    enabled: a.enabled,
    trigger: { type: a.triggerType },
    conditions: (a.conditions as z.infer<typeof AutomationSchema>["conditions"]) ?? null,
    actions: a.actions.map(({ secret_sealed: _sealed, ...action }) => ({
      ...action,
      ...(revealed[action.id] ? { secret: revealed[action.id] } : {}),
    })),
    owner_user_id: a.ownerUserId,
    owner_key_id: a.ownerKeyId,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

export const RunActionSchema = z
  .object({
    id: z.string(),
    action_id: z.string(),
    position: z.number().int(),
    type: z.string(),
    status: z.enum(AUTOMATION_ACTION_STATUSES),
    attempts: z.number().int(),
    response_status: z.number().int().nullable(),
    response_excerpt: z.string().nullable(),
    error: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
    next_retry_at: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi("AutomationRunAction");

export const AutomationRunSchema = z
  .object({
    id: z.string(),
    automation_id: z.string(),
    event_id: z.string(),
    event_type: z.string().nullable(),
    replay: z.number().int(),
    depth: z.number().int(),
    status: z.enum(AUTOMATION_RUN_STATUSES),
    note: z.string().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
    actions: z.array(RunActionSchema),
  })
  .openapi("AutomationRun");

export function toAutomationRunDto(r: RunWithActions): z.infer<typeof AutomationRunSchema> {
  return {
    id: r.id,
    automation_id: r.automationId,
    event_id: r.eventId,
    event_type: r.eventType,
    replay: r.replay,
    depth: r.depth,
    status: r.status,
    note: r.note,
    created_at: r.createdAt.toISOString(),
    finished_at: r.finishedAt?.toISOString() ?? null,
    actions: r.actions.map((a) => ({
      id: a.id,
      action_id: a.actionId,
      position: a.position,
      type: a.type,
      status: a.status,
      attempts: a.attempts,
      response_status: a.responseStatus,
      response_excerpt: a.responseExcerpt,
      error: a.error,
      result: a.result,
      next_retry_at: a.nextRetryAt?.toISOString() ?? null,
      updated_at: a.updatedAt.toISOString(),
    })),
  };
}

export const TestRunResultSchema = z
  .object({
    event_id: z.string(),
    event_type: z.string(),
    trigger_matches: z.boolean(),
    conditions_match: z.boolean(),
    would_run: z.boolean(),
    actions: z.array(z.object({ type: z.string(), would: z.string(), details: z.record(z.string(), z.unknown()) })),
  })
  .openapi("AutomationTestRun");

export function toTestRunDto(r: {
  eventId: string;
  eventType: string;
  triggerMatches: boolean;
  conditionsMatch: boolean;
  wouldRun: boolean;
  actions: DryRunAction[];
}): z.infer<typeof TestRunResultSchema> {
  return {
    event_id: r.eventId,
    event_type: r.eventType,
    trigger_matches: r.triggerMatches,
    conditions_match: r.conditionsMatch,
    would_run: r.wouldRun,
    actions: r.actions,
  };
}
