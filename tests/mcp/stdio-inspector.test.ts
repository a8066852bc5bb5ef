import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SETTLE_BIN, settle } from "../support/process.ts";

const run = promisify(execFile);
const INSPECTOR = new URL("../../node_modules/.bin/mcp-inspector", import.meta.url).pathname;
const CONTRACT_TOOLS = [
  "search_companies",
  "list_products",
  "list_unpaid_lines",
  "create_opportunity",
  "remove_opportunity_product",
  "get_invoice_summary",
  "create_payment_link",
  "sync_xero_invoices",
  "list_payments",
];

let dir: string;
let apiKey: string;
const env = () => ({ DATA_DIR: dir, SETTLE_DEMO: "0", LOG_LEVEL: "warn" });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "settle-mcp-stdio-"));
  const created = await settle(
    [
      "workspace",
      "create",
      "--name",
      "Stdio",
      "--admin-email",
      "o@example.test",
      "--admin-password",
      "long enough password",
      "--json",
    ],
    env(),
  );
  apiKey = (JSON.parse(created.stdout.trim()) as { api_key: string }).api_key;
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `settle mcp` on stdio, driven by the SDK's own client and by the MCP Inspector CLI (0.15, a dev dependency).
 * The Inspector is run over stdio because its 0.15 CLI has no option to send an Authorization header, and it
 * has no strict mode: the portability check is ours (no JSON Schema type arrays).
 */
describe("MCP over stdio", () => {
  it("serves the tools to the SDK client and answers a call", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [SETTLE_BIN, "mcp", "--api-key", apiKey],
      env: { ...(process.env as Record<string, string>), ...env() },
      stderr: "ignore",
    });
    const client = new Client({ name: "stdio-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(CONTRACT_TOOLS));
      const companies = await client.callTool({ name: "search_companies", arguments: { q: "nobody" } });
      expect(companies.structuredContent).toEqual({ data: [], has_more: false, next_cursor: null });
    } finally {
      await client.close();
    }
  }, 180_000);

  it("the Inspector CLI lists every contract tool with portable schemas and calls one", async () => {
    const target = [
      process.execPath,
      SETTLE_BIN,
      "mcp",
      "--api-key",
      apiKey,
      "-e",
      `DATA_DIR=${dir}`,
      "-e",
      "SETTLE_DEMO=0",
    ];
    const listed = await run(INSPECTOR, ["--cli", ...target, "--method", "tools/list"], { timeout: 170_000 });
    const { tools } = JSON.parse(listed.stdout) as { tools: { name: string }[] };
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(CONTRACT_TOOLS));
    expect(listed.stdout).not.toMatch(/"type":\s*\[/);
    const called = await run(
      INSPECTOR,
      ["--cli", ...target, "--method", "tools/call", "--tool-name", "list_products", "--tool-arg", "q=web"],
      { timeout: 170_000 },
    );
    expect(JSON.parse(called.stdout)).toMatchObject({ structuredContent: { data: [], has_more: false } });
  }, 360_000);
});
