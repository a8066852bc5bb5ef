import { type Ctx, withTransaction } from "../../context.ts";
import { opportunities } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { assertReferences, stageOfNewOpportunity } from "./internal.ts";
import { type OpportunityView, toOpportunityViews } from "./opportunity-view.ts";
import { CreateOpportunityInput } from "./schemas.ts";

/** The owner defaults to the person acting (the key's creator for API keys). */
export async function createOpportunity(ctx: Ctx, input: CreateOpportunityInput): Promise<OpportunityView> {
  const parsed = parseInput(CreateOpportunityInput, input);
  requireScope(ctx.actor.scopes, "opportunities:write");
  const defaultOwner = ctx.actor.kind === "system" ? null : ctx.actor.userId;
  return withTransaction(ctx, async (tx) => {
    const refs = {
      companyId: parsed.company_id,
      primaryContactId: parsed.primary_contact_id ?? null,
      ownerId: parsed.owner_id === undefined ? defaultOwner : parsed.owner_id,
    };
    await assertReferences(tx, ctx.actor.workspaceId, refs);
    const stage = await stageOfNewOpportunity(tx, ctx.actor.workspaceId, parsed, ctx.clock.now());
    const [row] = await tx
      .insert(opportunities)
      .values({
        id: newId("opportunity", ctx.clock.now()),
        workspaceId: ctx.actor.workspaceId,
        name: parsed.name,
        currency: parsed.currency,
        stage: stage?.name ?? parsed.stage ?? "lead",
        stageId: stage?.id ?? null,
        status: parsed.status ?? (parsed.stage_id && stage ? stage.kind : "open"),
        ...refs,
      })
      .returning();
    if (!row) {
      throw new AppError("internal", "The opportunity was not stored.");
    }
    const [view] = await toOpportunityViews(tx, ctx.actor, [row], false);
    return view as OpportunityView;
  });
}
