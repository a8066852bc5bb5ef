import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { paymentLinks } from "../../db/schema/payments.ts";
import { enqueue } from "../../jobs/enqueue.ts";

/**
 * An invoice that is paid (by any path), voided or deleted takes no more payments: its active link is
 * switched off here and in Stripe (a job), so a client holding an old email cannot pay twice.
 */
export async function retirePaymentLinksOfClosedInvoice(
  db: Db,
  workspaceId: string,
  invoiceId: string,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [invoice] = await tx
      .select({ status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)));
    if (!invoice || !["PAID", "VOIDED", "DELETED"].includes(invoice.status)) return 0;
    const retired = await tx
      .update(paymentLinks)
      .set({ active: 0, deactivatedAt: now, updatedAt: now })
      .where(
        and(
          eq(paymentLinks.workspaceId, workspaceId),
          eq(paymentLinks.invoiceId, invoiceId),
          inArray(paymentLinks.active, [1]),
        ),
      )
      .returning({ id: paymentLinks.id });
    for (const link of retired) {
      await enqueue(tx, "payments.deactivate-link", { paymentLinkId: link.id }, { workspaceId });
    }
    return retired.length;
  });
}
