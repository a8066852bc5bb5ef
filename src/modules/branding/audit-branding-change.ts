import type { Ctx } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { recordAudit } from "../audit/index.ts";
import type { Branding } from "./load-branding.ts";

const AUDITED = ["displayName", "address", "taxNumber", "paymentTerms", "accentColor", "replyTo"] as const;
const FIELD_NAMES: Record<(typeof AUDITED)[number], string> = {
  displayName: "display_name",
  address: "address",
  taxNumber: "tax_number",
  paymentTerms: "payment_terms",
  accentColor: "accent_color",
  replyTo: "reply_to",
};

/**
 * What every invoice, invoice email and portal page shows is audited with its old and new values: payment
 * terms carry the bank account clients pay into, and a quiet change there is how invoice fraud starts.
 * A save that changes nothing records nothing.
 */
export async function auditBrandingChange(tx: Tx, ctx: Ctx, before: Branding, after: Branding): Promise<void> {
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  for (const field of AUDITED) {
    if (before[field] !== after[field]) changes[FIELD_NAMES[field]] = { from: before[field], to: after[field] };
  }
  const logoChanged = before.logo?.content.equals(after.logo?.content ?? Buffer.alloc(0)) !== true;
  if (logoChanged && (before.logo || after.logo)) {
    changes.logo = { from: before.logo ? "set" : null, to: after.logo ? "set" : null };
  }
  if (Object.keys(changes).length === 0) return;
  await recordAudit(tx, ctx, {
    action: "branding.updated",
    targetType: "workspace",
    targetId: ctx.actor.workspaceId,
    details: { changes },
  });
}
