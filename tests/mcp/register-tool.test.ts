import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Ctx } from "../../src/context.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { AppError } from "../../src/lib/errors.ts";
import { registerTool } from "../../src/mcp/register-tool.ts";
import { defineTool } from "../../src/mcp/tool.ts";
import type { Scope } from "../../src/modules/access/index.ts";

/** Unit level: the adapter alone, over the SDK's in-memory transport pair (no database is touched). */
async function connect(scopes: Scope[], failure: Error) {
  const ctx: Ctx = {
    db: {} as Ctx["db"],
    clock: systemClock,
    actor: { kind: "system", workspaceId: "ws_1", scopes: new Set(scopes) },
  };
  const seen: string[] = [];
  const server = new McpServer({ name: "t", version: "1" }, { capabilities: { tools: {} } });
  const failing = defineTool({
    name: "fail",
    description: "always fails",
    scope: ["opportunities:read", "invoices:read"],
    destructive: false,
    input: z.strictObject({}),
    run: async () => {
      throw failure;
    },
  });
  registerTool(server, ctx, failing, (_error, tool) => seen.push(tool));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "t", version: "1" });
  await client.connect(clientSide);
  return { client, seen };
}

describe("registerTool", () => {
  it("registers a tool only when the actor holds every scope it names", async () => {
    const partial = await connect(["opportunities:read"], new Error("x"));
    expect((await partial.client.listTools()).tools).toEqual([]);
    const full = await connect(["opportunities:read", "invoices:read"], new Error("x"));
    expect((await full.client.listTools()).tools.map((t) => t.name)).toEqual(["fail"]);
  });

  it("maps an AppError to an isError result led by `code: message` and the fix", async () => {
    const error = new AppError("conflict", "Already paid.", { fix: "Void it first." });
    const { client } = await connect(["opportunities:read", "invoices:read"], error);
    const result = await client.callTool({ name: "fail", arguments: {} });
    expect(result.isError).toBe(true);
    const text = (result.content as { text: string }[])[0]?.text ?? "";
    expect(text).toMatch(/^conflict: Already paid\.\nfix: Void it first\./);
  });

  it("masks unexpected errors as internal and reports them to the host", async () => {
    const { client, seen } = await connect(["opportunities:read", "invoices:read"], new Error("relation secret_table"));
    const result = await client.callTool({ name: "fail", arguments: {} });
    const text = (result.content as { text: string }[])[0]?.text ?? "";
    expect(text).toMatch(/^internal: /);
    expect(text).not.toContain("secret_table");
    expect(seen).toEqual(["fail"]);
  });

  it("answers a unique-key race as a conflict, exactly as REST does, and not as an internal error", async () => {
    const race = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
    const { client, seen } = await connect(
      ["opportunities:read", "invoices:read"],
      new Error("query failed", { cause: race }),
    );
    const result = await client.callTool({ name: "fail", arguments: {} });
    expect(result.isError).toBe(true);
    const text = (result.content as { text: string }[])[0]?.text ?? "";
    expect(text).toMatch(/^conflict: /);
    expect(text).not.toContain("duplicate key");
    expect(seen).toEqual([]);
  });
});
