import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  type PaymentLinkInterval,
  type PaymentLinkMode,
  type PaymentLogStatus,
  paymentLinks,
  paymentLogs,
} from "../../db/schema/payments.ts";

export type PaymentLinkSummary = {
  id: string;
  /** Stripe's plink_… id. */
  stripeId: string;
  url: string;
  mode: PaymentLinkMode;
  interval: PaymentLinkInterval | null;
  active: boolean;
  /** The latest Stripe payment on the invoice: `processing` while a bank debit settles. */
  lastPaymentStatus: PaymentLogStatus | null;
};

/**
 * Each invoice's payment link: the active one, else the latest made (a paid one-time link is inactive but
 * still shown). Links Stripe has not answered for yet (no url) are not shown.
 */
export async function paymentLinksOf(db: DbOrTx, workspaceId: string, invoiceIds: string[]) {
  const found = new Map<string, PaymentLinkSummary>();
  if (invoiceIds.length === 0) return found;
  const links = await db
    .select()
    .from(paymentLinks)
    .where(and(eq(paymentLinks.workspaceId, workspaceId), inArray(paymentLinks.invoiceId, invoiceIds)))
    .orderBy(desc(paymentLinks.active), desc(paymentLinks.createdAt));
  const payments = await db
    .select({ invoiceId: paymentLogs.invoiceId, status: paymentLogs.status })
    .from(paymentLogs)
    .where(
      and(
        eq(paymentLogs.workspaceId, workspaceId),
        eq(paymentLogs.kind, "payment"),
        inArray(paymentLogs.invoiceId, invoiceIds),
      ),
    )
    .orderBy(desc(paymentLogs.occurredAt));
  for (const link of links) {
    if (found.has(link.invoiceId) || !link.url || !link.stripeLinkId) continue;
    found.set(link.invoiceId, {
      id: link.id,
      stripeId: link.stripeLinkId,
      url: link.url,
      mode: link.mode,
      interval: link.interval,
      active: link.active === 1,
      lastPaymentStatus: payments.find((p) => p.invoiceId === link.invoiceId)?.status ?? null,
    });
  }
  return found;
}
