import { and, asc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { companies, contacts } from "../../db/schema/crm.ts";
import { AppError } from "../../lib/errors.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getCompanyOrThrow } from "../crm/index.ts";
import { xeroLedger } from "./xero-session.ts";

const CreateContact = z.strictObject({ mode: z.literal("create") });
const LinkExisting = z.strictObject({ mode: z.literal("link"), contact_id: z.guid() });

/** The request body: make a new Xero contact from the company, or link one that exists. */
export const LinkXeroContactInput = z.discriminatedUnion("mode", [CreateContact, LinkExisting]);

const LinkXeroContactCommand = z.discriminatedUnion("mode", [
  CreateContact.extend({ company_id: RecordId }),
  LinkExisting.extend({ company_id: RecordId }),
]);
export type LinkXeroContactCommand = z.input<typeof LinkXeroContactCommand>;

/**
 * Gives a company the Xero contact its invoices are raised against: a new one made from the company
 * (ContactNumber = the company's id), or an existing one the member picked (checked to exist, so a typo never
 * reaches an invoice). The link remembers its organisation. Xero is called outside any transaction; the id
 * is written afterwards.
 */
export async function linkXeroContact(ctx: Ctx, input: LinkXeroContactCommand) {
  const parsed = parseInput(LinkXeroContactCommand, input);
  const companyId = parsed.company_id;
  requireScope(ctx.actor.scopes, "invoices:write");
  const company = await getCompanyOrThrow(ctx.db, ctx.actor.workspaceId, companyId);
  const { ledger, tenantId } = await xeroLedger(ctx);
  let contactId: string;
  if (parsed.mode === "create") {
    // The company's own email, else its first contact's: who Xero sends invoices to.
    const [person] = await ctx.db
      .select({ email: contacts.email })
      .from(contacts)
      .where(
        and(
          eq(contacts.workspaceId, ctx.actor.workspaceId),
          eq(contacts.companyId, company.id),
          isNotNull(contacts.email),
        ),
      )
      .orderBy(asc(contacts.createdAt), asc(contacts.id))
      .limit(1);
    // Keyed by company and organisation: a retried request replays Xero's answer, not a second contact.
    const created = await ledger.createContact(
      { name: company.name, email: company.email ?? person?.email ?? null, number: company.id },
      `settle-contact-${tenantId}-${company.id}`,
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
    .set({ xeroContactId: contactId, xeroTenantId: tenantId, updatedAt: ctx.clock.now() })
    .where(and(eq(companies.workspaceId, ctx.actor.workspaceId), eq(companies.id, company.id)))
    .returning();
  return updated ?? company;
}
