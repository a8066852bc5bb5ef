import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { xeroTenantChoices } from "../../db/schema/integrations.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { openTokens, requireAccounting } from "./internal.ts";
import { saveXeroConnection } from "./save-xero-connection.ts";

export const ChooseXeroTenantInput = z.strictObject({ tenant_id: z.string().min(1).max(64) });

/** Picks the organisation of a consent that reached several; the other organisations stay unconnected. */
export async function chooseXeroTenant(ctx: Ctx, input: z.input<typeof ChooseXeroTenantInput>): Promise<void> {
  const parsed = parseInput(ChooseXeroTenantInput, input);
  requireScope(ctx.actor.scopes, "integrations:write");
  const accounting = requireAccounting(ctx);
  const workspaceId = ctx.actor.workspaceId;
  const [choice] = await ctx.db.select().from(xeroTenantChoices).where(eq(xeroTenantChoices.workspaceId, workspaceId));
  if (!choice || choice.chooseBy.getTime() < ctx.clock.now().getTime()) {
    throw new AppError("precondition_failed", "No Xero consent is waiting for an organisation to be chosen.", {
      fix: "Connect Xero again under Settings → Integrations.",
    });
  }
  const tenant = choice.tenants.find((t) => t.tenantId === parsed.tenant_id);
  if (!tenant) {
    throw new AppError("invalid_input", "That organisation was not part of the consent.", {
      issues: [
        {
          field: "tenant_id",
          message: "must be one of the organisations offered",
          allowed: choice.tenants.map((t) => t.tenantId),
        },
      ],
    });
  }
  await saveXeroConnection(ctx, { authEventId: null, ...tenant }, openTokens(accounting.tokenBox, choice));
}
