import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { PRESET_SCOPES, type Scope } from "../../src/modules/access/index.ts";
import { listLines, promote } from "../../src/modules/opportunities/index.ts";
import { createTestApp, client as restClient, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { call, callError, listen, mcpClient } from "./support.ts";

let database: Database;
let app: TestApp;
let server: Awaited<ReturnType<typeof listen>>;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;
const keys = { crmOnly: "", reader: "", editor: "", other: "" };
const mcp: Record<keyof typeof keys, Client> = {} as Record<keyof typeof keys, Client>;
const CRM: Scope[] = ["opportunities:read", "opportunities:write", "products:read"];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  server = await listen(app);
  ws = await seedWorkspace(database, "Acme");
  deal = await seedDeal(ws.ctx, 3);
  await promote(ws.ctx, { lineId: deal.lines[1]?.id ?? "", proposed: "paid", source: "stripe_payment" });
  keys.crmOnly = await keyWithScopes(database, ws, CRM);
  keys.reader = await keyWithScopes(database, ws, [...CRM, "invoices:read"]);
  keys.editor = await keyWithScopes(database, ws, PRESET_SCOPES.editor);
  keys.other = (await seedWorkspace(database, "Other")).apiKey;
  for (const name of Object.keys(keys) as (keyof typeof keys)[]) {
    mcp[name] = await mcpClient(server.url, keys[name]);
  }
});
afterAll(async () => {
  await Promise.all(Object.values(mcp).map((c) => c.close()));
  await server.close();
  await database.close();
});

const opp = () => deal.opportunity.id;
const lineId = () => deal.lines[0]?.id ?? "";
const storedLine = async () => (await listLines(ws.ctx, { opportunity_id: opp() })).find((l) => l.id === lineId());

describe.each([
  ["get_opportunity_products", "update_opportunity_product", "add_opportunity_product"],
  ["get_deal_products", "update_deal_product", "add_deal_product"],
])("%s / %s / %s", (getTool, updateTool, addTool) => {
  it("returns lines without a payment_status key when the key lacks invoices:read", async () => {
    const page = await call(mcp.crmOnly, getTool, { opportunity_id: opp() });
    expect(page.data).toHaveLength(3);
    for (const line of page.data) {
      expect(line).not.toHaveProperty("payment_status");
    }
    const added = await call(mcp.crmOnly, addTool, { opportunity_id: opp(), product_id: deal.product.id });
    expect(added).not.toHaveProperty("payment_status");
    await restClient(app, keys.editor).delete(`/api/v1/opportunities/${opp()}/products/${added.id}`);
  });

  it("returns payment_status on every line with invoices:read, in the same shape as REST", async () => {
    const page = await call(mcp.reader, getTool, { opportunity_id: opp() });
    expect(page.data.map((l: { payment_status: string }) => l.payment_status)).toEqual(["unpaid", "paid", "unpaid"]);
    const rest = await restClient(app, keys.reader).get(`/api/v1/opportunities/${opp()}/products`);
    expect(page).toEqual(rest.body);
  });

  it("refuses payment_status without invoices:write, naming the scope, and changes nothing", async () => {
    const before = await storedLine();
    const text = await callError(mcp.reader, updateTool, {
      opportunity_id: opp(),
      line_id: lineId(),
      quantity: 9,
      payment_status: "paid",
    });
    expect(text).toMatch(/^insufficient_scope: .*invoices:write/);
    expect(await storedLine()).toEqual(before);
  });

  it("sets payment_status manually, in either direction, with invoices:write", async () => {
    const up = await call(mcp.editor, updateTool, { opportunity_id: opp(), line_id: lineId(), payment_status: "paid" });
    expect(up.payment_status).toBe("paid");
    const down = await call(mcp.editor, updateTool, {
      opportunity_id: opp(),
      line_id: lineId(),
      payment_status: "unpaid",
    });
    expect(down.payment_status).toBe("unpaid");
    const history = await call(mcp.editor, "get_payment_status_history", { opportunity_id: opp(), line_id: lineId() });
    expect(history.data.slice(-2).map((c: { to: string; source: string }) => [c.to, c.source])).toEqual([
      ["paid", "manual"],
      ["unpaid", "manual"],
    ]);
  });

  it("rejects an unknown payment_status value, listing the allowed ones", async () => {
    const text = await callError(mcp.editor, updateTool, {
      opportunity_id: opp(),
      line_id: lineId(),
      payment_status: "settled",
    });
    expect(text).toMatch(/unpaid.*deposit_invoiced.*invoiced.*paid/);
  });

  it("answers not_found for another workspace's opportunity and changes nothing", async () => {
    const before = await storedLine();
    expect(await callError(mcp.other, getTool, { opportunity_id: opp() })).toMatch(/^not_found: /);
    const update = { opportunity_id: opp(), line_id: lineId(), quantity: 7, payment_status: "paid" };
    expect(await callError(mcp.other, updateTool, update)).toMatch(/^not_found: /);
    expect(await callError(mcp.other, addTool, { opportunity_id: opp(), product_id: deal.product.id })).toMatch(
      /^not_found: /,
    );
    expect(await storedLine()).toEqual(before);
    expect(await listLines(ws.ctx, { opportunity_id: opp() })).toHaveLength(3);
  });

  it("refuses a NUL byte in an id argument as invalid input, never an internal error", async () => {
    for (const args of [
      { opportunity_id: "opp_\u0000x" },
      { opportunity_id: opp(), line_id: "line\u0000", quantity: 2 },
    ]) {
      const tool = "line_id" in args ? updateTool : getTool;
      const text = await callError(mcp.editor, tool, args);
      expect(text).not.toMatch(/internal/);
      expect(text).toMatch(/NUL/);
    }
  });
});
