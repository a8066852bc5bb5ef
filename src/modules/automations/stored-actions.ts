import { randomBytes } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { StoredAction } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import type { SecretBox } from "../../lib/secret-box.ts";
import type { Action } from "./schemas.ts";

export function secretContext(workspaceId: string, actionId: string): string {
  return `automation-webhook:${workspaceId}:${actionId}`;
}

export function secretBoxOf(ctx: { secrets?: SecretBox | undefined }): SecretBox {
  if (!ctx.secrets) {
    throw new AppError("precondition_failed", "Webhook secrets cannot be stored: no secret key is configured.", {
      fix: "Set SETTLE_SECRET_KEY (or let Settle generate DATA_DIR/secret-key) and restart.",
    });
  }
  return ctx.secrets;
}

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64 (the part the HMAC is keyed with). */
function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/**
 * Gives every action an id and every new webhook a fresh secret, sealed for storage; an action sent back with
 * its id keeps its stored secret. `revealed` holds the new secrets in plain text, shown in this response only.
 */
export function prepareActions(
  ctx: Ctx,
  actions: Action[],
  existing: StoredAction[] = [],
): { stored: StoredAction[]; revealed: Record<string, string> } {
  const previous = new Map(existing.map((a) => [a.id, a]));
  const revealed: Record<string, string> = {};
  const stored = actions.map((action, index): StoredAction => {
    const kept = action.id ? previous.get(action.id) : undefined;
    if (action.id && !kept) {
      throw new AppError("invalid_input", `actions.${index}.id is not an action of this automation.`, {
        issues: [{ field: `actions.${index}.id`, message: "unknown action id; omit it for a new action" }],
      });
    }
    const id = kept?.id ?? `act_${randomBytes(8).toString("hex")}`;
    const { id: _given, ...fields } = action;
    if (action.type !== "call_webhook") return { ...fields, id };
    if (kept?.type === "call_webhook" && kept.secret_sealed)
      return { ...fields, id, secret_sealed: kept.secret_sealed };
    const secret = newWebhookSecret();
    revealed[id] = secret;
    return { ...fields, id, secret_sealed: secretBoxOf(ctx).seal(secret, secretContext(ctx.actor.workspaceId, id)) };
  });
  return { stored, revealed };
}
