import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { PRESET_SCOPES } from "../../src/modules/access/index.ts";
import { createTestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { listen, mcpClient } from "./support.ts";

let database: Database;
let server: Awaited<ReturnType<typeof listen>>;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
const clients: Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await listen(createTestApp(database));
  ws = await seedWorkspace(database, "Acme");
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  await database.close();
});

async function toolNames(key: string): Promise<string[]> {
  const client = await mcpClient(server.url, key);
  clients.push(client);
  return (await client.listTools()).tools.map((t) => t.name);
}

describe("MCP over Streamable HTTP at /mcp", () => {
  it("answers 401 with the JSON error envelope without a valid API key", async () => {
    for (const authorization of [undefined, "Bearer stl_live_nope", "Basic abc"]) {
      const response = await fetch(`${server.url}/mcp`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string; fix: string } };
      expect(body.error.code).toBe("unauthorized");
      expect(body.error.fix).toContain("stl_live_");
    }
  });

  it("answers GET and DELETE with 405, as a stateless server may", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(`${server.url}/mcp`, { method, headers: { authorization: `Bearer ${ws.apiKey}` } });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
  });

  it("tells the agent about minor units, dates and the payment status rules", async () => {
    const client = await mcpClient(server.url, ws.apiKey);
    clients.push(client);
    const instructions = client.getInstructions() ?? "";
    expect(instructions).toMatch(/minor units/);
    expect(instructions).toMatch(/YYYY-MM-DD/);
    expect(instructions).toMatch(/unpaid < deposit_invoiced < invoiced < paid/);
    expect(instructions).toMatch(/invoices:write/);
  });

  it("lists every tool, with annotations, for a full-access key", async () => {
    const client = await mcpClient(server.url, ws.apiKey);
    clients.push(client);
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get("get_opportunity_products")?.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get("void_invoice")?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName.get("update_deal_product")?.inputSchema.properties).toHaveProperty("payment_status");
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(["get_deal_products", "update_deal_product", "add_deal_product", "record_payment"]),
    );
  });

  it("hides write tools from a read-only key", async () => {
    const names = await toolNames(await keyWithScopes(database, ws, PRESET_SCOPES.viewer));
    expect(names).toEqual(
      expect.arrayContaining(["list_opportunities", "get_opportunity_products", "get_invoice", "preview_invoice"]),
    );
    for (const write of ["update_opportunity_product", "add_deal_product", "create_invoice", "void_invoice"]) {
      expect(names).not.toContain(write);
    }
  });

  it("hides every invoice tool from a key without invoices scopes", async () => {
    const names = await toolNames(await keyWithScopes(database, ws, ["opportunities:read", "opportunities:write"]));
    expect(names).toContain("update_opportunity_product");
    const invoiceTools = ["preview_invoice", "create_invoice", "list_invoices", "get_invoice", "send_invoice"];
    for (const tool of [...invoiceTools, "record_payment", "void_invoice", "get_payment_status_history"]) {
      expect(names).not.toContain(tool);
    }
  });
});
