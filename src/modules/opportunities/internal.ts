import { and, asc, eq, sql } from "drizzle-orm";
import { type DbOrTx, preparedQuery } from "../../db/client.ts";
import { members, opportunities, productLines, stages } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { getCompanyOrThrow, getContactOrThrow, withReference } from "../crm/index.ts";
import { resolveStage, type StageRow } from "../stages/index.ts";

/** Lines per opportunity are bounded so a list answers in one page. */
export const MAX_LINES_PER_OPPORTUNITY = 500;

/** Prepared: most verbs under an opportunity (its invoices and summary, a line and its history) start here. */
export async function getOpportunityOrThrow(db: DbOrTx, workspaceId: string, id: string) {
  const query = preparedQuery(db, "opportunity_by_id", (d) =>
    d
      .select()
      .from(opportunities)
      .where(
        and(eq(opportunities.workspaceId, sql.placeholder("workspaceId")), eq(opportunities.id, sql.placeholder("id"))),
      ),
  );
  const [row] = await query.execute({ workspaceId, id });
  if (!row) {
    throw notFound("opportunity", id);
  }
  return row;
}

/** A line of another opportunity (or workspace) is 404, as if it did not exist. */
export async function getLineOrThrow(db: DbOrTx, workspaceId: string, opportunityId: string, id: string) {
  const [row] = await db
    .select()
    .from(productLines)
    .where(
      and(
        eq(productLines.workspaceId, workspaceId),
        eq(productLines.opportunityId, opportunityId),
        eq(productLines.id, id),
      ),
    );
  if (!row) {
    throw notFound("product line", id);
  }
  return row;
}

type Refs = { companyId: string; primaryContactId: string | null; ownerId: string | null };

/** Checks an opportunity's references live in the workspace and the contact works at the company. */
export async function assertReferences(db: DbOrTx, workspaceId: string, refs: Refs): Promise<void> {
  await withReference("company_id", () => getCompanyOrThrow(db, workspaceId, refs.companyId));
  const contactId = refs.primaryContactId;
  if (contactId) {
    const contact = await withReference("primary_contact_id", () => getContactOrThrow(db, workspaceId, contactId));
    if (contact.companyId && contact.companyId !== refs.companyId) {
      throw new AppError("invalid_input", "The primary contact works at another company.", {
        issues: [{ field: "primary_contact_id", message: "must be a contact of company_id (or have no company)" }],
      });
    }
  }
  if (refs.ownerId) {
    const [member] = await db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, refs.ownerId)));
    if (!member) {
      throw new AppError("not_found", `No member with user id ${refs.ownerId} in this workspace (owner_id).`, {
        issues: [{ field: "owner_id", message: "must be the user id of a member of this workspace" }],
      });
    }
  }
}

/** The named stage, else the first open stage of the pipeline, else "lead" (added when missing). */
export async function stageOfNewOpportunity(
  db: DbOrTx,
  workspaceId: string,
  given: { stage_id?: string | undefined; stage?: string | undefined },
  now: Date,
): Promise<StageRow | undefined> {
  if (given.stage_id || given.stage) {
    return resolveStage(db, workspaceId, { stageId: given.stage_id, stage: given.stage }, now);
  }
  const [first] = await db
    .select()
    .from(stages)
    .where(and(eq(stages.workspaceId, workspaceId), eq(stages.kind, "open")))
    .orderBy(asc(stages.position), asc(stages.id))
    .limit(1);
  return first ?? resolveStage(db, workspaceId, { stage: "lead" }, now);
}
