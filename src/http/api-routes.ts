import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./env.ts";
import { auditEventRoutes } from "./routes/audit-events.ts";
import { automationRoutes } from "./routes/automations.ts";
import { brandingRoutes } from "./routes/branding.ts";
import { companyRoutes } from "./routes/companies.ts";
import { companyOverviewRoutes } from "./routes/company-overview.ts";
import { contactRoutes } from "./routes/contacts.ts";
import { exportRoutes, opportunityExportRoutes } from "./routes/exports.ts";
import { importRoutes } from "./routes/imports.ts";
import { integrationRoutes } from "./routes/integrations.ts";
import { invoiceSettingsRoutes } from "./routes/invoice-settings.ts";
import { invoiceRoutes, opportunityInvoiceRoutes } from "./routes/invoices.ts";
import { jobRoutes } from "./routes/jobs.ts";
import { mailRoutes } from "./routes/mail.ts";
import { opportunityRoutes } from "./routes/opportunities.ts";
import { payerCompanyRoutes, xeroRaisedInvoicePinRoutes } from "./routes/payer-companies.ts";
import { paymentRoutes } from "./routes/payments.ts";
import { portalLinkRoutes } from "./routes/portal-links.ts";
import { productLineRoutes } from "./routes/product-lines.ts";
import { productRoutes } from "./routes/products.ts";
import { reportRoutes } from "./routes/reports.ts";
import { searchRoutes } from "./routes/search.ts";
import { stageRoutes } from "./routes/stages.ts";
import { stripeIntegrationRoutes } from "./routes/stripe-integration.ts";
import { xeroRepeatingInvoiceItemRoutes, xeroRepeatingInvoiceRoutes } from "./routes/xero-repeating-invoices.ts";
import { xeroSyncRoutes } from "./routes/xero-sync.ts";

/**
 * Domain areas register their authenticated routes here (CRM, opportunities, invoices, …); each area keeps
 * its own routes file and is mounted at /api/v1 behind authentication, rate limits and idempotency.
 */
export function registerApiRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  api.route("/", companyRoutes);
  api.route("/", contactRoutes);
  api.route("/", productRoutes);
  // /deals is the legacy name of /opportunities: same handlers, same scopes, both documented.
  for (const base of ["/opportunities", "/deals"] as const) {
    api.route("/", opportunityRoutes(base));
    api.route("/", productLineRoutes(base));
    api.route("/", opportunityInvoiceRoutes(base.slice(1) as "opportunities" | "deals"));
    api.route("/", xeroRepeatingInvoiceRoutes(base.slice(1) as "opportunities" | "deals"));
    api.route("/", payerCompanyRoutes(base));
    api.route("/", opportunityExportRoutes(base));
  }
  api.route("/", xeroRepeatingInvoiceItemRoutes);
  api.route("/", invoiceRoutes);
  api.route("/", invoiceSettingsRoutes);
  api.route("/", brandingRoutes);
  api.route("/", jobRoutes);
  api.route("/", integrationRoutes(deps.publicUrl));
  api.route("/", stripeIntegrationRoutes(deps.publicUrl));
  api.route("/", paymentRoutes);
  api.route("/", portalLinkRoutes);
  api.route("/", auditEventRoutes);
  api.route("/", mailRoutes);
  api.route("/", stageRoutes);
  api.route("/", reportRoutes);
  api.route("/", importRoutes);
  api.route("/", exportRoutes);
  api.route("/", searchRoutes);
  api.route("/", companyOverviewRoutes);
  api.route("/", automationRoutes);
  api.route("/", xeroSyncRoutes);
  api.route("/", xeroRaisedInvoicePinRoutes);
}
