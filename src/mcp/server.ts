import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Actor, Ctx, MailSettings } from "../context.ts";
import type { DbOrTx } from "../db/client.ts";
import type { AccountingProvider } from "../integrations/accounting/port.ts";
import type { PaymentsProvider } from "../integrations/payments/port.ts";
import type { Clock } from "../lib/clock.ts";
import type { SecretBox } from "../lib/secret-box.ts";
import { servePortableToolList } from "./portable-tool-list.ts";
import { registerPrompts } from "./prompts.ts";
import { actorCanUse, type OnUnexpected, registerTool } from "./register-tool.ts";
import { registerResources } from "./resources.ts";
import { ALL_TOOLS } from "./tools/index.ts";

export const MCP_INSTRUCTIONS = `Settle is a CRM billing service: opportunities (also called deals) carry product lines, which are invoiced and paid line by line.

Conventions:
- Money is always integer minor units in fields ending _amount (cents for USD, whole yen for JPY, thousandths for KWD), next to an ISO 4217 currency. 250000 with USD is $2,500.00. Never send decimals for amounts.
- Dates are YYYY-MM-DD; timestamps are ISO 8601 UTC.
- Ids are prefixed strings: opp_ (opportunity), line_ (product line), prod_ (product), co_ (company), con_ (contact), inv_ (invoice).
- Lists return { data, has_more, next_cursor }; pass next_cursor back as cursor for the next page.
- Percent fields (discount_percent, deposit_percent, tax_rate) are percentages: 10 means 10%, never 0.1.
- Money-moving tools (create_invoice, send_invoice, record_payment, void_invoice, email_invoice, create_payment_link, create_xero_invoice …) take idempotency_key: repeating a call with the same key returns the first result instead of acting twice. Most also take dry_run: true to check the call and see its result without writing anything.
- Finding things: search_companies, list_contacts and list_products give the ids other tools take; list_unpaid_lines answers "what is still unpaid" across the workspace or for one company.

Payment status of a product line, in ladder order: unpaid < deposit_invoiced < invoiced < paid.
- Automatic changes (sending an invoice, a recorded payment, Xero or Stripe sync) only move a line up the ladder; they never overwrite a higher status.
- A manual change through update_opportunity_product sets exactly the value given, up or down, and needs the invoices:write scope. Without it the call fails naming invoices:write and nothing changes.
- payment_status is only present on lines when the key holds invoices:read; it is absent (not null) otherwise.

Tools you do not see are outside this key's scopes; a workspace admin can add scopes to the key under Settings → API keys (an OAuth connection has the scopes its member approved, within their role). The *_deal_* tools are legacy aliases of the *_opportunity_* tools.`;

export type McpDeps = {
  db: DbOrTx;
  clock: Clock;
  /** The Xero adapter, so invoice tools act on Xero invoices in Xero (absent: Xero is not configured). */
  accounting?: AccountingProvider | undefined;
  payments?: PaymentsProvider | undefined;
  /** Seals webhook signing secrets (automations). */
  secrets?: SecretBox | undefined;
  /** Sender and link base for mail and portal links the tools queue (absent: Settle's localhost defaults). */
  mail?: MailSettings | undefined;
  onUnexpected?: OnUnexpected;
};

/** One server per actor: the tool list itself depends on the actor's scopes. */
export function createMcpServer(deps: McpDeps, actor: Actor): McpServer {
  const server = new McpServer(
    { name: "settle", version: "1.0.0" },
    { instructions: MCP_INSTRUCTIONS, capabilities: { tools: {} } },
  );
  const { db, clock, accounting, payments, mail, secrets } = deps;
  const ctx: Ctx = { db, clock, accounting, payments, mail, secrets, actor };
  const onUnexpected = deps.onUnexpected ?? (() => undefined);
  for (const tool of ALL_TOOLS) {
    registerTool(server, ctx, tool, onUnexpected);
  }
  registerResources(server, ctx);
  registerPrompts(server, ctx);
  servePortableToolList(
    server,
    ALL_TOOLS.filter((tool) => actorCanUse(ctx, tool)),
  );
  return server;
}
