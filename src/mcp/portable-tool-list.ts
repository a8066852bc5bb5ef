import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { portableJsonSchema } from "./portable-schema.ts";
import { annotationsOf, titleOf } from "./register-tool.ts";
import type { ToolDescriptor } from "./tool.ts";

/**
 * Answers tools/list from the descriptors with portable schemas (portable-schema.ts) in place of the SDK's own
 * conversion; tools/call is still the SDK's, validating with the same zod schemas. Each tool is converted once
 * per process (servers are built per request).
 */
const definitions = new WeakMap<ToolDescriptor, unknown>();

export function servePortableToolList(server: McpServer, tools: readonly ToolDescriptor[]): void {
  const definitionOf = (tool: ToolDescriptor) => {
    const cached = definitions.get(tool);
    if (cached) return cached;
    const definition = {
      name: tool.name,
      title: titleOf(tool),
      description: tool.description,
      inputSchema: portableJsonSchema(tool.input, "input"),
      ...(tool.output ? { outputSchema: portableJsonSchema(tool.output, "output") } : {}),
      annotations: annotationsOf(tool),
      execution: { taskSupport: "forbidden" },
    };
    definitions.set(tool, definition);
    return definition;
  };
  server.server.removeRequestHandler("tools/list");
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map(definitionOf) as never }));
}
