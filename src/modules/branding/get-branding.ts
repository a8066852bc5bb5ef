import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { type Branding, loadBranding } from "./load-branding.ts";

const NoInput = z.strictObject({});

/** Branding is what every invoice shows, so whoever may read invoices may read it (there is no settings:read). */
export async function getBranding(ctx: Ctx, input: z.input<typeof NoInput> = {}): Promise<Branding> {
  parseInput(NoInput, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  return loadBranding(ctx.db, ctx.actor.workspaceId);
}
