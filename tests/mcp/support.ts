import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { TestApp } from "../support/app.ts";

/** Serves the app on 127.0.0.1 with an OS-chosen port, so MCP goes over a real HTTP connection. */
export async function listen(app: TestApp): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** The SDK's real client over Streamable HTTP, authenticated with an API key. */
export async function mcpClient(baseUrl: string, apiKey: string): Promise<Client> {
  const client = new Client({ name: "settle-tests", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), {
    requestInit: { headers: { authorization: `Bearer ${apiKey}` } },
  });
  await client.connect(transport);
  return client;
}

/** A successful tool call's structuredContent (the REST DTO), failing the test loudly on isError. */
export async function call(client: Client, name: string, args: Record<string, unknown>): Promise<any> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) {
    throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  }
  return result.structuredContent;
}

/** A failed tool call's text, which starts with `code: message`. */
export async function callError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = await client.callTool({ name, arguments: args });
  if (!result.isError) {
    throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(result.structuredContent)}`);
  }
  return (result.content as { type: string; text: string }[]).map((c) => c.text).join("\n");
}
