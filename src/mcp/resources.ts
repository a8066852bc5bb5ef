import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Ctx } from "../context.ts";
import { toOpportunityDto } from "../dto/opportunities.ts";
import { hasScope } from "../modules/access/index.ts";
import { getOpportunity } from "../modules/opportunities/index.ts";

export const OPPORTUNITY_URI = "settle://opportunities/{opportunity_id}";

/**
 * An opportunity as a resource: what get_opportunity with expand=products answers (payment_status only with
 * invoices:read), for clients that attach context rather than call tools. Same scope as the tool.
 */
export function registerResources(server: McpServer, ctx: Ctx): void {
  if (!hasScope(ctx.actor.scopes, "opportunities:read")) {
    return;
  }
  server.registerResource(
    "opportunity",
    new ResourceTemplate(OPPORTUNITY_URI, { list: undefined }),
    {
      title: "Opportunity with its product lines",
      description: "One opportunity (deal) with its lines; amounts in minor units of its currency.",
      mimeType: "application/json",
    },
    async (uri, variables) => {
      const id = String(variables.opportunity_id ?? "");
      const opportunity = toOpportunityDto(await getOpportunity(ctx, { id, expand: "products" }));
      return {
        contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(opportunity, null, 2) }],
      };
    },
  );
}
