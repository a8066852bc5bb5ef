import type { components } from "../../lib/api-types.generated.ts";

export type Automation = components["schemas"]["Automation"];
export type AutomationRun = components["schemas"]["AutomationRun"];
export type AutomationTestRun = components["schemas"]["AutomationTestRun"];
export type BusinessEvent = components["schemas"]["BusinessEvent"];

export const TRIGGERS = [
  ["payment_succeeded", "A payment succeeds (once per invoice)"],
  ["invoice_paid", "An invoice is paid (any provider)"],
  ["invoice_sent", "An invoice is sent"],
  ["payment_status_changed", "A line's payment status changes"],
  ["payment_failed", "A payment fails"],
  ["payment_refunded", "A payment is refunded"],
  ["opportunity_stage_changed", "An opportunity's stage or status changes"],
] as const;

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
export const CONDITION_OPS = [
  ["eq", "="],
  ["neq", "≠"],
  ["gte", "≥"],
  ["gt", ">"],
  ["lte", "≤"],
  ["lt", "<"],
] as const;

// The action types are the API's own, so a type added there shows up here as a missing label.
export type ActionType = Automation["actions"][number]["type"];
export const ACTION_LABELS: Record<ActionType, string> = {
  send_email: "Send an email",
  call_webhook: "Call a webhook",
  set_stage: "Set the opportunity's stage",
  set_status: "Set the opportunity's status",
  add_note: "Add a note to the opportunity",
};

/** One action as the editor holds it: every field a type may use, as text. */
export type ActionDraft = {
  id?: string;
  type: ActionType;
  to: string;
  subject: string;
  body: string;
  url: string;
  stage: string;
  status: "open" | "won" | "lost";
  continue_on_failure: boolean;
};

export type ConditionDraft = { field: string; op: string; value: string };

export function emptyAction(type: ActionType = "send_email"): ActionDraft {
  return { type, to: "", subject: "", body: "", url: "", stage: "", status: "won", continue_on_failure: false };
}

export function draftOf(action: Automation["actions"][number]): ActionDraft {
  const text = (key: string) => (typeof action[key] === "string" ? (action[key] as string) : "");
  return {
    id: action.id,
    type: action.type,
    to: text("to"),
    subject: text("subject"),
    body: text("body"),
    url: text("url"),
    stage: text("stage"),
    status: (text("status") || "won") as ActionDraft["status"],
    continue_on_failure: action.continue_on_failure === true,
  };
}

/** The API's shape for one action: only the fields its type takes. */
export function actionBody(a: ActionDraft): Record<string, unknown> {
  const base = { ...(a.id ? { id: a.id } : {}), type: a.type, continue_on_failure: a.continue_on_failure };
  switch (a.type) {
    case "send_email":
      return { ...base, subject: a.subject, body: a.body, ...(a.to.trim() ? { to: a.to.trim() } : {}) };
    case "call_webhook":
      return { ...base, url: a.url };
    case "set_stage":
      return { ...base, stage: a.stage };
    case "set_status":
      return { ...base, status: a.status };
    case "add_note":
      return { ...base, body: a.body };
  }
}

/** Numbers compare as numbers (amount), everything else as text. */
export function conditionBody(c: ConditionDraft) {
  const numeric = c.field === "amount" && c.value.trim() !== "" && Number.isFinite(Number(c.value));
  return { field: c.field, op: c.op, value: numeric ? Number(c.value) : c.value };
}
