import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { listen, mcpClient } from "./support.ts";

let database: Database;
let server: Awaited<ReturnType<typeof listen>>;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await listen(createTestApp(database));
  ws = await seedWorkspace(database, "Resources");
  deal = await seedDeal(ws.ctx, 1);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const textOf = (content: unknown) => String((content as { text?: string } | undefined)?.text);

describe("the opportunity resource", () => {
  it("reads an opportunity with its lines; payment_status only with invoices:read; absent without opportunities:read", async () => {
    const uri = `settle://opportunities/${deal.opportunity.id}`;
    const full = await mcpClient(server.url, ws.apiKey);
    const templates = await full.listResourceTemplates();
    expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toContain("settle://opportunities/{opportunity_id}");
    const read = await full.readResource({ uri });
    const body = JSON.parse(textOf(read.contents[0]));
    expect(body).toMatchObject({ id: deal.opportunity.id });
    expect(body.products[0].payment_status).toBe("unpaid");

    const crmOnly = await mcpClient(server.url, await keyWithScopes(database, ws, ["opportunities:read"]));
    const stripped = JSON.parse(textOf((await crmOnly.readResource({ uri })).contents[0]));
    expect(stripped.products[0]).not.toHaveProperty("payment_status");

    const noCrm = await mcpClient(server.url, await keyWithScopes(database, ws, ["invoices:read"]));
    await expect(noCrm.listResourceTemplates()).rejects.toThrow();
    await Promise.all([full.close(), crmOnly.close(), noCrm.close()]);
  });
});

describe("the chase overdue invoices prompt", () => {
  it("walks the tools, offers sending only with invoices:write, and is hidden without invoices:read", async () => {
    const writer = await mcpClient(server.url, ws.apiKey);
    expect((await writer.listPrompts()).prompts.map((p) => p.name)).toEqual(["chase_overdue_invoices"]);
    const prompt = await writer.getPrompt({
      name: "chase_overdue_invoices",
      arguments: { company_id: deal.company.id, today: "2030-01-01" },
    });
    const text = textOf(prompt.messages[0]?.content);
    expect(text).toContain(`company_id ${deal.company.id}`);
    expect(text).toContain("email_invoice");

    const reader = await mcpClient(
      server.url,
      await keyWithScopes(database, ws, ["opportunities:read", "invoices:read"]),
    );
    const readOnly = await reader.getPrompt({ name: "chase_overdue_invoices", arguments: {} });
    expect(textOf(readOnly.messages[0]?.content)).toContain("You cannot send");

    const crmOnly = await mcpClient(server.url, await keyWithScopes(database, ws, ["opportunities:read"]));
    await expect(crmOnly.listPrompts()).rejects.toThrow();
    await Promise.all([writer.close(), reader.close(), crmOnly.close()]);
  });
});
