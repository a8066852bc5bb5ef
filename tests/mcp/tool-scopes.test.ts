import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { SCOPES, type Scope } from "../../src/modules/access/index.ts";
import { createTestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { call, callError, listen, mcpClient } from "./support.ts";

let database: Database;
let server: Awaited<ReturnType<typeof listen>>;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;
const clients: Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await listen(createTestApp(database));
  ws = await seedWorkspace(database, "Scopes");
  deal = await seedDeal(ws.ctx, 1);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  await database.close();
});

async function clientWith(scopes: Scope[]) {
  const client = await mcpClient(server.url, await keyWithScopes(database, ws, scopes));
  clients.push(client);
  return client;
}

/** Each new tool, the scopes it needs, and arguments that succeed with them. */
const cases: { tool: string; needs: Scope[]; args: () => Record<string, unknown> }[] = [
  { tool: "search_companies", needs: ["companies:read"], args: () => ({ q: "harbour" }) },
  { tool: "list_contacts", needs: ["contacts:read"], args: () => ({ company_id: deal.company.id }) },
  { tool: "list_products", needs: ["products:read"], args: () => ({}) },
  {
    tool: "create_opportunity",
    needs: ["opportunities:write"],
    args: () => ({ name: "Scoped", company_id: deal.company.id, currency: "USD" }),
  },
  {
    tool: "update_opportunity",
    needs: ["opportunities:write"],
    args: () => ({ opportunity_id: deal.opportunity.id, stage: "proposal" }),
  },
  {
    tool: "list_unpaid_lines",
    needs: ["opportunities:read", "invoices:read"],
    args: () => ({ company_id: deal.company.id }),
  },
  { tool: "get_invoice_summary", needs: ["invoices:read"], args: () => ({ opportunity_id: deal.opportunity.id }) },
  {
    tool: "create_portal_link",
    needs: ["invoices:write"],
    args: () => ({ contact_id: deal.contact.id, expires_in_days: 7 }),
  },
];

describe("new tools and scopes", () => {
  for (const { tool, needs, args } of cases) {
    it(`${tool}: listed and working with ${needs.join(" + ")}; absent and refused without`, async () => {
      const holder = await clientWith(needs);
      expect((await holder.listTools()).tools.map((t) => t.name)).toContain(tool);
      const result = await call(holder, tool, args());
      expect(result).toBeTypeOf("object");
      for (const missing of needs) {
        const lacking = await clientWith(SCOPES.filter((s) => s !== missing));
        expect((await lacking.listTools()).tools.map((t) => t.name)).not.toContain(tool);
        expect(await callError(lacking, tool, args())).toMatch(/not found|insufficient_scope/i);
      }
    });
  }

  it("remove_opportunity_product removes a line with opportunities:write and not without it", async () => {
    const extra = await call(await clientWith(["opportunities:write"]), "add_opportunity_product", {
      opportunity_id: deal.opportunity.id,
      product_id: deal.product.id,
    });
    const reader = await clientWith(SCOPES.filter((s) => s !== "opportunities:write"));
    expect(
      await callError(reader, "remove_opportunity_product", { opportunity_id: deal.opportunity.id, line_id: extra.id }),
    ).toMatch(/not found|insufficient_scope/i);
    const writer = await clientWith(["opportunities:write", "opportunities:read"]);
    const removed = await call(writer, "remove_opportunity_product", {
      opportunity_id: deal.opportunity.id,
      line_id: extra.id,
    });
    expect(removed).toEqual({ removed: true, line_id: extra.id });
    const left = await call(writer, "get_opportunity_products", { opportunity_id: deal.opportunity.id });
    expect(left.data.map((l: { id: string }) => l.id)).not.toContain(extra.id);
  });

  it("update_invoice edits a draft; email_invoice sends it to the primary contact", async () => {
    const agent = await clientWith(["opportunities:read", "invoices:read", "invoices:write"]);
    const draft = await call(agent, "create_invoice", { opportunity_id: deal.opportunity.id, portion: "full" });
    const edited = await call(agent, "update_invoice", {
      invoice_id: draft.id,
      reference: "PO-77",
      due_date: "2030-01-31",
    });
    expect(edited).toMatchObject({ status: "DRAFT", reference: "PO-77", due_date: "2030-01-31" });
    const sent = await call(agent, "email_invoice", { invoice_id: draft.id });
    expect(sent.status).toBe("AUTHORISED");
    expect(sent.sent_at).toBeTruthy();
  });
});

describe("invoices:write without invoices:read", () => {
  it("send_invoice, record_payment and void_invoice report success, with the amounts stripped", async () => {
    const agent = await clientWith(["opportunities:read", "invoices:read", "invoices:write"]);
    const writeOnly = await clientWith(["opportunities:read", "invoices:write"]);
    const fresh = await seedDeal(ws.ctx, 2);
    const [lineA, lineB] = fresh.lines.map((l) => l.id);
    const first = await call(agent, "create_invoice", {
      opportunity_id: fresh.opportunity.id,
      portion: "full",
      line_ids: [lineA],
    });
    const sent = await call(writeOnly, "send_invoice", { invoice_id: first.id });
    expect(sent.status).toBe("AUTHORISED");
    expect(sent).not.toHaveProperty("total_amount");
    const due = (await call(agent, "get_invoice", { invoice_id: first.id })).amount_due_amount;
    const paid = await call(writeOnly, "record_payment", {
      invoice_id: first.id,
      amount: due,
      paid_on: "2025-04-01",
      method: "cash",
    });
    expect(paid.status).toBe("PAID");
    expect(paid).not.toHaveProperty("amount_paid_amount");
    const second = await call(agent, "create_invoice", {
      opportunity_id: fresh.opportunity.id,
      portion: "full",
      line_ids: [lineB],
    });
    const voided = await call(writeOnly, "void_invoice", { invoice_id: second.id });
    expect(voided.status).toBe("VOIDED");
  });
});

describe("tool metadata", () => {
  it("every tool has a title and hints; no output schema uses a type array; percent and amount fields say their unit", async () => {
    const { tools } = await (await clientWith([...SCOPES])).listTools();
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.annotations?.readOnlyHint, tool.name).toBeTypeOf("boolean");
      expect(tool.annotations?.destructiveHint, tool.name).toBeTypeOf("boolean");
      expect(tool.annotations?.idempotentHint, tool.name).toBeTypeOf("boolean");
    }
    const text = JSON.stringify(tools);
    expect(text).not.toMatch(/"type":\[/);
    const add = tools.find((t) => t.name === "add_opportunity_product");
    const props = add?.inputSchema.properties as Record<string, { description?: string }>;
    expect(props.discount_percent?.description).toMatch(/10 = 10%/);
    expect(props.unit_amount?.description).toMatch(/minor units/);
    for (const name of ["record_payment", "create_invoice"]) {
      const schema = tools.find((t) => t.name === name)?.inputSchema.properties ?? {};
      expect(Object.keys(schema), name).toEqual(expect.arrayContaining(["idempotency_key", "dry_run"]));
    }
  });
});
