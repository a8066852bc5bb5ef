import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { call, callError, listen, mcpClient } from "../mcp/support.ts";
import { keyWithScopes } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { approvedDealInvoice, automationHarness, movableClock } from "./automation-fixtures.ts";

let database: Database;
let h: Awaited<ReturnType<typeof automationHarness>>;
let served: Awaited<ReturnType<typeof listen>>;
const clients: Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  h = await automationHarness(database, movableClock().clock);
  served = await listen(h.app);
}, 120_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await served.close();
  await database.close();
});

async function agent(key: string) {
  const client = await mcpClient(served.url, key);
  clients.push(client);
  return client;
}

it("an agent creates, updates, dry-runs and reads the run log of an automation, as REST would", async () => {
  const mcp = await agent(h.ws.apiKey);
  const created = await call(mcp, "create_automation", {
    name: "Ping the ledger",
    enabled: true,
    trigger: { type: "invoice_sent" },
    actions: [
      { type: "call_webhook", url: "https://hooks.example.test/settle" },
      { type: "add_note", body: "sent {{invoice.number}}" },
    ],
  });
  expect(created.actions[0].secret).toMatch(/^whsec_/);
  const updated = await call(mcp, "update_automation", {
    automation_id: created.id,
    name: "Note sent invoices",
    actions: [{ type: "add_note", body: "sent {{invoice.number}}" }],
  });
  expect(updated).toMatchObject({ name: "Note sent invoices", actions: [{ type: "add_note" }] });
  const { invoice } = await approvedDealInvoice(h.ws.ctx);
  await h.drain();
  const listed = await call(mcp, "list_automations", {});
  expect(listed.data.map((a: { id: string }) => a.id)).toContain(created.id);
  const runs = await call(mcp, "list_automation_runs", { automation_id: created.id });
  expect(runs.data).toHaveLength(1);
  expect(runs.data[0]).toMatchObject({ status: "succeeded", actions: [{ type: "add_note", status: "succeeded" }] });
  const dry = await call(mcp, "test_run_automation", { automation_id: created.id, event_id: runs.data[0].event_id });
  expect(dry.actions[0].details.body).toBe(`sent ${invoice.number}`);
});

it("an agent without automations:write does not see the write tools and cannot call them", async () => {
  const key = await keyWithScopes(database, h.ws, ["automations:read", "invoices:read"]);
  const mcp = await agent(key);
  const names = (await mcp.listTools()).tools.map((t) => t.name);
  expect(names).toEqual(expect.arrayContaining(["list_automations", "list_automation_runs", "test_run_automation"]));
  expect(names).not.toContain("create_automation");
  const refused = await callError(mcp, "create_automation", {
    name: "x",
    trigger: { type: "invoice_sent" },
    actions: [{ type: "add_note", body: "x" }],
  });
  expect(refused).toMatch(/automations:write|not found|Unknown tool/i);
});
