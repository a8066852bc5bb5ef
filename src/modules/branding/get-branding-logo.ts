import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { loadBranding } from "./load-branding.ts";
import type { LogoMimeType } from "./logo-image.ts";

const NoInput = z.strictObject({});

export async function getBrandingLogo(
  ctx: Ctx,
  input: z.input<typeof NoInput> = {},
): Promise<{ content: Buffer; mimeType: LogoMimeType; updatedAt: Date | null }> {
  parseInput(NoInput, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  const branding = await loadBranding(ctx.db, ctx.actor.workspaceId);
  if (!branding.logo) {
    throw new AppError("not_found", "This workspace has no logo.", {
      fix: "Upload one in Settings → Branding (PUT /api/v1/branding/logo).",
    });
  }
  return { ...branding.logo, updatedAt: branding.updatedAt };
}
