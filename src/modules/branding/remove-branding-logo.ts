import { eq } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import { workspaceBranding } from "../../db/schema/mail.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { auditBrandingChange } from "./audit-branding-change.ts";
import { type Branding, loadBranding } from "./load-branding.ts";

const NoInput = z.strictObject({});

/** Removes the logo; removing one that is not there is not an error (the outcome is the same). */
export async function removeBrandingLogo(ctx: Ctx, input: z.input<typeof NoInput> = {}): Promise<Branding> {
  parseInput(NoInput, input);
  requireScope(ctx.actor.scopes, "settings:write");
  return withTransaction(ctx, async (tx) => {
    const before = await loadBranding(tx, ctx.actor.workspaceId);
    await tx
      .update(workspaceBranding)
      .set({ logo: null, logoMimeType: null, updatedAt: ctx.clock.now() })
      .where(eq(workspaceBranding.workspaceId, ctx.actor.workspaceId));
    const after = await loadBranding(tx, ctx.actor.workspaceId);
    await auditBrandingChange(tx, ctx, before, after);
    return after;
  });
}
