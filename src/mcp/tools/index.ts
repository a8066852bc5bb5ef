import type { ToolDescriptor } from "../tool.ts";
import {
  createAutomationTool,
  listAutomationRunsTool,
  listAutomationsTool,
  testRunAutomationTool,
  updateAutomationTool,
} from "./automations.ts";
import { listContactsTool, listProductsTool, searchCompaniesTool } from "./crm.ts";
import { createImportTool, getImportTool } from "./imports.ts";
import { createPortalLinkTool, emailInvoiceTool, getInvoiceSummaryTool, updateInvoiceTool } from "./invoice-extras.ts";
import {
  createInvoiceTool,
  getInvoiceTool,
  listInvoicesTool,
  previewInvoiceTool,
  recordPaymentTool,
  sendInvoiceTool,
  voidInvoiceTool,
} from "./invoices.ts";
import {
  createOpportunityTool,
  getOpportunityTool,
  listOpportunitiesTool,
  updateOpportunityTool,
} from "./opportunities.ts";
import {
  createPaymentLinkTool,
  getPaymentEventTool,
  getStripeStatusTool,
  listBusinessEventsTool,
  listPaymentsTool,
  syncPaymentStatusTool,
} from "./payments.ts";
import {
  addOpportunityProductTool,
  dealAliasTools,
  getOpportunityProductsTool,
  getPaymentStatusHistoryTool,
  removeOpportunityProductTool,
  updateOpportunityProductTool,
} from "./product-lines.ts";
import { getReceivablesTool } from "./reports.ts";
import { createStageTool, deleteStageTool, listStagesTool, updateStageTool } from "./stages.ts";
import { listUnpaidLinesTool } from "./unpaid-lines.ts";
import {
  createXeroInvoiceTool,
  createXeroRepeatingInvoiceTool,
  emailXeroInvoiceTool,
  listXeroOptionsTool,
  syncXeroInvoicesTool,
} from "./xero.ts";
import {
  addPayerCompanyTool,
  listPayerCompaniesTool,
  listXeroLogTool,
  pinXeroInvoiceTool,
  removePayerCompanyTool,
} from "./xero-sync.ts";

/** Every tool, in the order tools/list shows them (each actor sees the subset its scopes allow). */
export const ALL_TOOLS: readonly ToolDescriptor[] = [
  listOpportunitiesTool,
  getOpportunityTool,
  getOpportunityProductsTool,
  addOpportunityProductTool,
  updateOpportunityProductTool,
  getPaymentStatusHistoryTool,
  previewInvoiceTool,
  createInvoiceTool,
  listInvoicesTool,
  getInvoiceTool,
  sendInvoiceTool,
  recordPaymentTool,
  voidInvoiceTool,
  createPaymentLinkTool,
  syncPaymentStatusTool,
  listPaymentsTool,
  getPaymentEventTool,
  listBusinessEventsTool,
  getStripeStatusTool,
  createXeroInvoiceTool,
  createXeroRepeatingInvoiceTool,
  emailXeroInvoiceTool,
  syncXeroInvoicesTool,
  listXeroOptionsTool,
  listAutomationsTool,
  createAutomationTool,
  updateAutomationTool,
  listAutomationRunsTool,
  testRunAutomationTool,
  searchCompaniesTool,
  listContactsTool,
  listProductsTool,
  createOpportunityTool,
  updateOpportunityTool,
  removeOpportunityProductTool,
  listUnpaidLinesTool,
  getInvoiceSummaryTool,
  updateInvoiceTool,
  emailInvoiceTool,
  createPortalLinkTool,
  listStagesTool,
  createStageTool,
  updateStageTool,
  deleteStageTool,
  createImportTool,
  getImportTool,
  getReceivablesTool,
  listPayerCompaniesTool,
  addPayerCompanyTool,
  removePayerCompanyTool,
  pinXeroInvoiceTool,
  listXeroLogTool,
  ...dealAliasTools,
];
