import { z } from "zod";
import { BUSINESS_EVENT_TYPES, OPPORTUNITY_STATUSES } from "../../db/schema/index.ts";
import { RecordId } from "../../lib/record-id.ts";

/** The fields of an event conditions may compare (docs/automations.md lists what each holds per trigger). */
export const CONDITION_FIELDS = [
  "amount",
  "currency",
  "portion",
  "provider",
  "source",
  "company",
  "opportunity_stage",
  "opportunity_status",
  "from",
  "to",
] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/** Symbolic spellings are accepted and stored as their names. */
export const CONDITION_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in"] as const;
const OP_ALIASES: Record<string, (typeof CONDITION_OPS)[number]> = {
  "=": "eq",
  "==": "eq",
  "!=": "neq",
  ">": "gt",
  ">=": "gte",
  "<": "lt",
  "<=": "lte",
};

const Scalar = z.union([z.string().max(200), z.number()]);
export const Condition = z.strictObject({
  field: z.enum(CONDITION_FIELDS),
  op: z.preprocess((op) => (typeof op === "string" ? (OP_ALIASES[op] ?? op) : op), z.enum(CONDITION_OPS)),
  value: z.union([Scalar, z.array(Scalar).max(50)]),
});
export type Condition = z.output<typeof Condition>;

export const Conditions = z
  .strictObject({
    all: z.array(Condition).max(20).optional(),
    any: z.array(Condition).max(20).optional(),
  })
  .nullable();

export const Trigger = z.strictObject({
  type: z.enum(BUSINESS_EVENT_TYPES),
});

const actionBase = {
  /** An existing action's id keeps it (and a webhook its secret) across an update. */
  id: z.string().max(40).optional(),
  continue_on_failure: z.boolean().optional(),
};

/** https anywhere, plain http only to this machine (loopback), so a receiver's secret never crosses in clear. */
export const WebhookUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.protocol === "https:") return true;
      const host = url.hostname.replace(/^\[|\]$/g, "");
      return url.protocol === "http:" && (host === "localhost" || host === "::1" || /^127\./.test(host));
    } catch {
      return false;
    }
  }, "must be an https URL, or http on loopback (localhost, 127.0.0.1, [::1])");

export const Action = z.discriminatedUnion("type", [
  z.strictObject({
    ...actionBase,
    type: z.literal("send_email"),
    to: z.string().max(320).optional().describe("An email address; default the opportunity's primary contact"),
    subject: z.string().trim().min(1).max(200),
    body: z.string().min(1).max(10_000),
  }),
  z.strictObject({ ...actionBase, type: z.literal("call_webhook"), url: WebhookUrl }),
  z.strictObject({ ...actionBase, type: z.literal("set_stage"), stage: z.string().trim().min(1).max(60) }),
  z.strictObject({ ...actionBase, type: z.literal("set_status"), status: z.enum(OPPORTUNITY_STATUSES) }),
  z.strictObject({ ...actionBase, type: z.literal("add_note"), body: z.string().trim().min(1).max(5_000) }),
]);
export type Action = z.output<typeof Action>;
export const ACTION_TYPES = ["send_email", "call_webhook", "set_stage", "set_status", "add_note"] as const;

export const AutomationBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  trigger: Trigger,
  conditions: Conditions.optional(),
  actions: z.array(Action).min(1).max(10),
});
export type AutomationBody = z.input<typeof AutomationBody>;

export const UpdateAutomationBody = z.strictObject({
  name: AutomationBody.shape.name.optional(),
  enabled: z.boolean().optional(),
  trigger: Trigger.optional(),
  conditions: Conditions.optional(),
  actions: AutomationBody.shape.actions.optional(),
});
export type UpdateAutomationBody = z.input<typeof UpdateAutomationBody>;

export const UpdateAutomationCommand = UpdateAutomationBody.extend({ id: RecordId });
export type UpdateAutomationCommand = z.input<typeof UpdateAutomationCommand>;

export const TestRunBody = z.strictObject({
  event_id: RecordId.describe("A past business event (GET /api/v1/events) to run against, without acting"),
});
export const TestRunCommand = TestRunBody.extend({ id: RecordId });

export const ListRunsCommand = z.strictObject({
  id: RecordId,
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const RetryActionCommand = z.strictObject({ id: RecordId, run_id: RecordId, action_id: RecordId });
export const ReplayCommand = z.strictObject({ id: RecordId, event_id: RecordId });
