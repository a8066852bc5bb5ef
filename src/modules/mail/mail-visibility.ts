import { eq } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import { mailMessages } from "../../db/schema/index.ts";
import { hasScope, requireScope } from "../access/index.ts";

/**
 * Who reads which mail: settings:write reads the whole log (invitations carry an accept link); invoices:read
 * reads invoice mail only. Returns the extra condition for the caller's query (undefined: everything).
 */
export function mailVisibility(actor: Actor) {
  if (hasScope(actor.scopes, "settings:write")) return undefined;
  requireScope(actor.scopes, "invoices:read");
  return eq(mailMessages.relatedType, "invoice");
}
