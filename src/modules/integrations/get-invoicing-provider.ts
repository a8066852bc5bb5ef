import type { Ctx } from "../../context.ts";
import { requireScope } from "../access/index.ts";
import { readStripeStatus } from "../payments/get-stripe-status.ts";
import { readXeroStatus, type XeroStatus } from "./get-xero-status.ts";

export type InvoicingProvider = {
  /** `xero` while a Xero organisation is connected (even one that needs reconnecting): native invoices are refused. */
  provider: "xero" | "native";
  /** True only while Xero accepts Settle's connection. */
  xeroConnected: boolean;
  /** A Stripe account is connected: native invoices can get payment links (Pay now). */
  stripeConnected: boolean;
  /** What raising a Xero invoice needs: the organisation, whether it needs reconnecting, and its defaults. */
  xero: Pick<
    XeroStatus,
    "status" | "statusReason" | "tenantName" | "defaultAccountCode" | "brandingThemeId" | "taxMappings"
  > | null;
};

/**
 * How this workspace invoices, for anyone who may read invoices: the Invoices section needs it to offer New
 * invoice or Send Invoice, and roles with invoices:* often lack integrations:read. Nothing about the connection
 * beyond what an invoice is coded with is shown here.
 */
export async function getInvoicingProvider(ctx: Ctx): Promise<InvoicingProvider> {
  requireScope(ctx.actor.scopes, "invoices:read");
  const status = await readXeroStatus(ctx);
  const stripeConnected = (await readStripeStatus(ctx)).connected;
  if (!status.connected) return { provider: "native", xeroConnected: false, stripeConnected, xero: null };
  return {
    provider: "xero",
    xeroConnected: status.status === "active",
    stripeConnected,
    xero: {
      status: status.status,
      statusReason: status.statusReason,
      tenantName: status.tenantName,
      defaultAccountCode: status.defaultAccountCode,
      brandingThemeId: status.brandingThemeId,
      taxMappings: status.taxMappings,
    },
  };
}
