import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { hasScope } from "../modules/access/index.ts";

/**
 * The chase prompt is a workflow over the tools, not a rule of its own: which invoices are overdue and what may be
 * sent is decided by the verbs the tools call. Offered to actors who can read invoices and opportunities.
 */
export function registerPrompts(server: McpServer, ctx: Ctx): void {
  const scopes = ctx.actor.scopes;
  if (!hasScope(scopes, "invoices:read") || !hasScope(scopes, "opportunities:read")) {
    return;
  }
  const canWrite = hasScope(scopes, "invoices:write");
  server.registerPrompt(
    "chase_overdue_invoices",
    {
      title: "Chase overdue invoices",
      description:
        "Find approved invoices past their due date with something still due, refresh their payment status, and draft (or, with invoices:write, send) reminders.",
      argsSchema: {
        company_id: z.string().max(64).optional().describe("Only this company (co_…); default every company"),
        today: z.string().max(10).optional().describe("YYYY-MM-DD to judge due dates by; default today"),
      },
    },
    ({ company_id, today }) => {
      const date = today ?? ctx.clock.now().toISOString().slice(0, 10);
      const scope = company_id ? `for company ${company_id}` : "across the workspace";
      const steps = [
        `Chase overdue invoices ${scope}, as of ${date}.`,
        `1. Call list_unpaid_lines${company_id ? ` with company_id ${company_id}` : ""} and payment_status [deposit_invoiced, invoiced] to find the opportunities with billed but unpaid lines.`,
        "2. For each of those opportunities call list_invoices; an invoice is overdue when its status is AUTHORISED, due_date is before the date above and amount_due_amount > 0 (minor units: 250000 USD is $2,500.00).",
        "3. Before chasing, refresh it: sync_payment_status for native invoices with a payment link, sync_xero_invoices for Xero invoices. Drop any that are now PAID.",
        canWrite
          ? "4. For each still overdue: if a native invoice has no active payment_link, create_payment_link; then email_invoice to resend it (pass an idempotency_key per invoice so a retry never sends twice). Say what you sent."
          : "4. You cannot send (no invoices:write): list each overdue invoice with its number, company, amount due and days overdue, and draft a short reminder per client for a person to send.",
        "5. Finish with a table: invoice number, company, amount due (formatted with its currency), due date, days overdue, action taken.",
      ];
      return { messages: [{ role: "user", content: { type: "text", text: steps.join("\n") } }] };
    },
  );
}
