import { type Ctx, withTransaction } from "../../context.ts";
import { workspaceBranding } from "../../db/schema/mail.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { auditBrandingChange } from "./audit-branding-change.ts";
import { type Branding, loadBranding } from "./load-branding.ts";
import { UpdateBrandingInput } from "./schemas.ts";

function blankToNull(value: string | null | undefined): string | null | undefined {
  return value === "" ? null : value;
}

/** Changes the given fields only; an empty string clears a text field (the accent colour always has one). */
export async function updateBranding(ctx: Ctx, input: UpdateBrandingInput): Promise<Branding> {
  const parsed = parseInput(UpdateBrandingInput, input);
  requireScope(ctx.actor.scopes, "settings:write");
  const changes = {
    ...(parsed.display_name !== undefined ? { displayName: blankToNull(parsed.display_name) } : {}),
    ...(parsed.address !== undefined ? { address: blankToNull(parsed.address) } : {}),
    ...(parsed.tax_number !== undefined ? { taxNumber: blankToNull(parsed.tax_number) } : {}),
    ...(parsed.payment_terms !== undefined ? { paymentTerms: blankToNull(parsed.payment_terms) } : {}),
    ...(parsed.accent_color !== undefined ? { accentColor: parsed.accent_color.toLowerCase() } : {}),
    ...(parsed.reply_to !== undefined ? { replyTo: blankToNull(parsed.reply_to) } : {}),
    updatedAt: ctx.clock.now(),
  };
  return withTransaction(ctx, async (tx) => {
    const before = await loadBranding(tx, ctx.actor.workspaceId);
    await tx
      .insert(workspaceBranding)
      .values({ workspaceId: ctx.actor.workspaceId, ...changes })
      .onConflictDoUpdate({ target: workspaceBranding.workspaceId, set: changes });
    const after = await loadBranding(tx, ctx.actor.workspaceId);
    await auditBrandingChange(tx, ctx, before, after);
    return after;
  });
}
