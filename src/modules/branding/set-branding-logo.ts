import { type Ctx, withTransaction } from "../../context.ts";
import { workspaceBranding } from "../../db/schema/mail.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { auditBrandingChange } from "./audit-branding-change.ts";
import { type Branding, loadBranding } from "./load-branding.ts";
import { decodeLogo } from "./logo-image.ts";
import { SetBrandingLogoInput } from "./schemas.ts";

/** Replaces the logo. The type stored is the one the bytes prove, never one the client names. */
export async function setBrandingLogo(ctx: Ctx, input: SetBrandingLogoInput): Promise<Branding> {
  const parsed = parseInput(SetBrandingLogoInput, input);
  requireScope(ctx.actor.scopes, "settings:write");
  const logo = await decodeLogo(parsed.data_base64);
  const changes = { logo: logo.content, logoMimeType: logo.mimeType, updatedAt: ctx.clock.now() };
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
