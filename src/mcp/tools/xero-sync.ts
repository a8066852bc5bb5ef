import { z } from "zod";
import {
  PayerCompanySchema,
  toPayerCompanyDto,
  toXeroLogEntryDto,
  toXeroPinDto,
  XeroLogEntrySchema,
  XeroPinSchema,
} from "../../dto/xero-sync.ts";
import { RecordId } from "../../lib/record-id.ts";
import { ListXeroLogInput, listXeroLog } from "../../modules/integrations/index.ts";
import {
  addPayerCompany,
  listPayerCompanies,
  pinXeroRaisedInvoice,
  removePayerCompany,
} from "../../modules/invoices/index.ts";
import { defineTool } from "../tool.ts";
import { listOf, OpportunityId, pageDto, wholeList } from "./shared.ts";

const CompanyId = RecordId.describe("Company id (co_…), from search_companies");
const PayerInput = z.strictObject({ opportunity_id: OpportunityId, company_id: CompanyId });
const PayerList = listOf(PayerCompanySchema);

export const listPayerCompaniesTool = defineTool({
  name: "list_payer_companies",
  description:
    "The companies that pay an opportunity's bills besides its client (payer companies). Their Xero invoices show on the opportunity beside the client's.",
  scope: "invoices:read",
  destructive: false,
  input: z.strictObject({ opportunity_id: OpportunityId }),
  output: PayerList,
  run: async (ctx, input) => wholeList(await listPayerCompanies(ctx, input), toPayerCompanyDto),
});

export const addPayerCompanyTool = defineTool({
  name: "add_payer_company",
  description:
    "Add a payer company to an opportunity (the client stays the same); adding one already there changes nothing. Returns the payer companies.",
  scope: "invoices:write",
  destructive: false,
  input: PayerInput,
  output: PayerList,
  run: async (ctx, input) => wholeList(await addPayerCompany(ctx, input), toPayerCompanyDto),
});

export const removePayerCompanyTool = defineTool({
  name: "remove_payer_company",
  description:
    "Remove a payer company from an opportunity: its Xero invoices no longer show there (unless pinned to it). Returns the payer companies left.",
  scope: "invoices:write",
  destructive: true,
  input: PayerInput,
  output: PayerList,
  run: async (ctx, input) => wholeList(await removePayerCompany(ctx, input), toPayerCompanyDto),
});

export const pinXeroInvoiceTool = defineTool({
  name: "pin_xero_invoice",
  description:
    "Pin an invoice raised in Xero (xero_invoice_id, as listed on the opportunity) to one opportunity, so no other opportunity of the same client or payer shows it; opportunity_id null unpins it.",
  scope: "invoices:write",
  destructive: false,
  input: z.strictObject({
    xero_invoice_id: z.string().min(1).max(64).describe("The Xero InvoiceID"),
    opportunity_id: OpportunityId.nullable(),
  }),
  output: XeroPinSchema,
  run: async (ctx, input) => toXeroPinDto(await pinXeroRaisedInvoice(ctx, input)),
});

export const listXeroLogTool = defineTool({
  name: "list_xero_log",
  description:
    "The Xero integration log, newest first (30 days): every call to Xero and token refresh with its action, outcome (ok, failed, rate_limited, in_flight), HTTP status, duration, the Settle record it concerned, Xero's message and a fix where one is known. Filter by outcome or record_id (an invoice's timeline); page with cursor.",
  scope: "integrations:read",
  destructive: false,
  input: ListXeroLogInput,
  output: listOf(XeroLogEntrySchema),
  run: async (ctx, input) => pageDto(await listXeroLog(ctx, input), toXeroLogEntryDto),
});
