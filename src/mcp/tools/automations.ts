import { z } from "zod";
import {
  AutomationRunSchema,
  AutomationSchema,
  TestRunResultSchema,
  toAutomationDto,
  toAutomationRunDto,
  toTestRunDto,
} from "../../dto/automations.ts";
import { RecordId } from "../../lib/record-id.ts";
import {
  AutomationBody,
  createAutomation,
  listAutomationRuns,
  listAutomations,
  testRunAutomation,
  UpdateAutomationBody,
  updateAutomation,
} from "../../modules/automations/index.ts";
import { defineTool } from "../tool.ts";
import { listOf, pageDto } from "./shared.ts";

const AutomationId = RecordId.describe("Automation id (auto_…), from list_automations");
const Cursor = z.string().max(200).optional().describe("next_cursor from the previous page");
const Limit = z.number().int().min(1).max(100).optional().describe("1–100, default 50");

const SHAPE =
  "trigger.type is one of payment_succeeded (once per invoice, when fully paid by a settled payment), invoice_paid, invoice_sent, payment_status_changed (a line's status; from/to), payment_failed, payment_refunded, opportunity_stage_changed (from/to). conditions: {all?: [...], any?: [...]} of {field, op, value} with field amount|currency|portion|provider|source|company|opportunity_stage|opportunity_status|from|to and op eq|neq|gt|gte|lt|lte|in. actions run in order: send_email {subject, body, to?} (merge fields such as {{invoice.number}}, {{company.name}}, {{amount_due}}; default recipient the opportunity's primary contact), call_webhook {url} (https or loopback; Standard Webhooks signature), set_stage {stage}, set_status {status: open|won|lost}, add_note {body}; any may set continue_on_failure.";

export const listAutomationsTool = defineTool({
  name: "list_automations",
  description:
    "The workspace's automations (trigger, conditions, ordered actions, enabled). Webhook secrets are never listed.",
  scope: "automations:read",
  destructive: false,
  input: z.strictObject({ limit: Limit, cursor: Cursor }),
  output: listOf(AutomationSchema),
  run: async (ctx, input) => pageDto(await listAutomations(ctx, input), toAutomationDto),
});

export const createAutomationTool = defineTool({
  name: "create_automation",
  description: `Create an automation: when a business event happens (and the conditions hold), run the actions in order, acting with your scopes. ${SHAPE} The answer shows each new call_webhook action's signing secret (whsec_…) once: hand it to the receiver now.`,
  scope: "automations:write",
  destructive: false,
  input: AutomationBody,
  output: AutomationSchema,
  run: async (ctx, input) => toAutomationDto(await createAutomation(ctx, input)),
});

export const updateAutomationTool = defineTool({
  name: "update_automation",
  description: `Change an automation: name, enabled, trigger, conditions or the whole action list (send an existing action's id to keep it and its webhook secret). ${SHAPE}`,
  scope: "automations:write",
  destructive: true,
  input: z.strictObject({ automation_id: AutomationId, ...UpdateAutomationBody.shape }),
  output: AutomationSchema,
  run: async (ctx, { automation_id, ...rest }) =>
    toAutomationDto(await updateAutomation(ctx, { ...rest, id: automation_id })),
});

export const listAutomationRunsTool = defineTool({
  name: "list_automation_runs",
  description:
    "An automation's run log, newest first: each run's event, status (running, succeeded, failed) and per-action outcome (status, attempts, HTTP status and response excerpt for webhooks, next retry, error). Use it to answer 'did the thank-you email go out' or 'why did the webhook fail'.",
  scope: "automations:read",
  destructive: false,
  input: z.strictObject({ automation_id: AutomationId, limit: Limit, cursor: Cursor }),
  output: listOf(AutomationRunSchema),
  run: async (ctx, { automation_id, ...page }) =>
    pageDto(await listAutomationRuns(ctx, { ...page, id: automation_id }), toAutomationRunDto),
});

export const testRunAutomationTool = defineTool({
  name: "test_run_automation",
  description:
    "Dry run an automation against a past business event (list_business_events gives ids): whether the trigger and conditions match, and what each action would do — the rendered email, the webhook body, the stage it would set. Nothing is sent or changed.",
  scope: "automations:read",
  destructive: false,
  input: z.strictObject({ automation_id: AutomationId, event_id: RecordId.describe("Business event id (bev_…)") }),
  output: TestRunResultSchema,
  run: async (ctx, { automation_id, event_id }) =>
    toTestRunDto(await testRunAutomation(ctx, { id: automation_id, event_id })),
});
