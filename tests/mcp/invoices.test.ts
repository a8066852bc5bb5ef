import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
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
let agent: Client;
let crmOnly: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  server = await listen(app);
  ws = await seedWorkspace(database, "Acme");
  deal = await seedDeal(ws.ctx, 2);
  agent = await mcpClient(server.url, ws.apiKey);
  crmOnly = await mcpClient(server.url, await keyWithScopes(database, ws, ["opportunities:read"]));
});
afterAll(async () => {
  await Promise.all([agent.close(), crmOnly.close()]);
  await server.close();
  await database.close();
});

const statusOf = async (lineId: string) => {
  const page = await call(agent, "get_opportunity_products", { opportunity_id: deal.opportunity.id });
  return page.data.find((l: { id: string }) => l.id === lineId)?.payment_status;
};

describe("invoicing through MCP tools", () => {
  it("previews, raises, sends and records payment, moving the line to paid", async () => {
    const opportunity_id = deal.opportunity.id;
    const lineId = deal.lines[0]?.id ?? "";
    const preview = await call(agent, "preview_invoice", { opportunity_id, portion: "full", line_ids: [lineId] });
    expect(preview.lines).toHaveLength(1);
    expect(Number.isInteger(preview.total_amount)).toBe(true);

    const draft = await call(agent, "create_invoice", { opportunity_id, portion: "full", line_ids: [lineId] });
    expect(draft).toMatchObject({ status: "DRAFT", total_amount: preview.total_amount, currency: "USD" });
    expect(await statusOf(lineId)).toBe("unpaid");

    const sent = await call(agent, "send_invoice", { invoice_id: draft.id });
    expect(sent.status).toBe("AUTHORISED");
    expect(await statusOf(lineId)).toBe("invoiced");

    const paid = await call(agent, "record_payment", {
      invoice_id: draft.id,
      amount: sent.amount_due_amount,
      paid_on: "2025-03-14",
      method: "bank_transfer",
    });
    expect(paid).toMatchObject({ status: "PAID", amount_due_amount: 0 });
    expect(await statusOf(lineId)).toBe("paid");
    expect(await statusOf(deal.lines[1]?.id ?? "")).toBe("unpaid");

    // The same DTOs as REST, not a parallel mapping.
    expect(await call(agent, "get_invoice", { invoice_id: draft.id })).toEqual(
      (await restClient(app, ws.apiKey).get(`/api/v1/invoices/${draft.id}`)).body,
    );
    const listed = await call(agent, "list_invoices", { opportunity_id });
    expect(listed.data.map((i: { id: string }) => i.id)).toEqual([draft.id]);
  });

  it("refuses to void a paid invoice with the domain's error code", async () => {
    const [invoice] = (await call(agent, "list_invoices", { opportunity_id: deal.opportunity.id })).data;
    expect(await callError(agent, "void_invoice", { invoice_id: invoice.id })).toMatch(/^conflict: /);
  });

  it("voids an unpaid invoice without moving its lines down", async () => {
    const opportunity_id = deal.opportunity.id;
    const lineId = deal.lines[1]?.id ?? "";
    const draft = await call(agent, "create_invoice", { opportunity_id, portion: "full", line_ids: [lineId] });
    await call(agent, "send_invoice", { invoice_id: draft.id });
    expect((await call(agent, "void_invoice", { invoice_id: draft.id })).status).toBe("VOIDED");
    expect(await statusOf(lineId)).toBe("invoiced");
  });

  it("rejects a bad date with a message naming the format", async () => {
    const [invoice] = (await call(agent, "list_invoices", { opportunity_id: deal.opportunity.id })).data;
    const text = await callError(agent, "record_payment", {
      invoice_id: invoice.id,
      amount: 1,
      paid_on: "14/03/2025",
      method: "cash",
    });
    expect(text).toMatch(/YYYY-MM-DD/);
  });

  it("does not offer invoice tools to a key without invoices scopes", async () => {
    const text = await callError(crmOnly, "preview_invoice", { opportunity_id: deal.opportunity.id, portion: "full" });
    expect(text).toMatch(/preview_invoice/);
  });
});
