import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { paymentLinks } from "../../db/schema/payments.ts";
import type { PaymentsProvider } from "../../integrations/payments/port.ts";

/** Switches the link off in Stripe (`active=false`), so it takes no further payment. Safe to repeat. */
export async function deactivatePaymentLinkInStripe(
  deps: { db: Db; payments?: PaymentsProvider | undefined },
  paymentLinkId: string,
): Promise<void> {
  const [link] = await deps.db.select().from(paymentLinks).where(eq(paymentLinks.id, paymentLinkId));
  if (!link?.stripeLinkId || link.active === 1) return;
  if (!deps.payments) throw new Error("Stripe is not configured on this server.");
  await deps.payments.deactivatePaymentLink(link.stripeAccountId, link.stripeLinkId);
}
