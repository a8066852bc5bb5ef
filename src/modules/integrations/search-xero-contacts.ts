import { z } from "zod";
import type { Ctx } from "../../context.ts";
import type { LedgerContact } from "../../integrations/accounting/port.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { xeroLedger } from "./xero-session.ts";

export const SearchXeroContactsQuery = z.strictObject({ q: z.string().max(200).optional() });

/** Xero contacts matching `q`, for the "Link Existing" picker. */
export async function searchXeroContacts(
  ctx: Ctx,
  input: z.input<typeof SearchXeroContactsQuery>,
): Promise<LedgerContact[]> {
  const parsed = parseInput(SearchXeroContactsQuery, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  const { ledger } = await xeroLedger(ctx);
  return ledger.searchContacts(parsed.q ?? "");
}
