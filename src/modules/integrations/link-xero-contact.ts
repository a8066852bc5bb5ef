import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { companies } from "../../db/schema/crm.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getCompanyOrThrow } from "../crm/index.ts";
import { xeroLedger } from "./xero-session.ts";

export const LinkXeroContactInput = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("create") }),
  z.strictObject({ mode: z.literal("link"), contact_id: z.guid() }),
]);
export type LinkXeroContactInput = z.input<typeof LinkXeroContactInput>;

/**
 * Gives a company the Xero contact its invoices are raised against: a new one made from the company, or an
 * existing one the member picked (checked to exist, so a typo never reaches an invoice). Xero is called
 * outside any transaction; the id is written afterwards.
 */
export async function linkXeroContact(ctx: Ctx, companyId: string, input: LinkXeroContactInput) {
  const parsed = parseInput(LinkXeroContactInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const company = await getCompanyOrThrow(ctx.db, ctx.actor.workspaceId, companyId);
  const { ledger } = await xeroLedger(ctx);
  let contactId: string;
  if (parsed.mode === "create") {
    // Keyed by company: a retried request replays Xero's answer instead of creating a duplicate contact.
    const created = await ledger.createContact(
      { name: company.name, email: company.email },
      `settle-contact-${company.id}`,
    );
    contactId = created.id;
  } else {
    const found = await ledger.getContact(parsed.contact_id);
    if (!found) {
      throw new AppError("not_found", `No Xero contact ${parsed.contact_id} in the connected organisation.`, {
        issues: [{ field: "contact_id", message: "no such Xero contact" }],
        fix: "Search Xero contacts and pick one from the list.",
      });
    }
    contactId = found.id;
  }
  const [updated] = await ctx.db
    .update(companies)
    .set({ xeroContactId: contactId, updatedAt: ctx.clock.now() })
    .where(and(eq(companies.workspaceId, ctx.actor.workspaceId), eq(companies.id, company.id)))
    .returning();
  return updated ?? company;
}
