import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Ctx } from "../context.ts";
import { appErrorFromDatabase } from "../lib/database-errors.ts";
import { AppError } from "../lib/errors.ts";
import { hasScope, type Scope } from "../modules/access/index.ts";
import type { ToolDescriptor } from "./tool.ts";

export function toolScopes(tool: ToolDescriptor): readonly Scope[] {
  return typeof tool.scope === "string" ? [tool.scope] : tool.scope;
}

export function actorCanUse(ctx: Ctx, tool: ToolDescriptor): boolean {
  return toolScopes(tool).every((scope) => hasScope(ctx.actor.scopes, scope));
}

export function titleOf(tool: ToolDescriptor): string {
  const words = tool.name.replaceAll("_", " ");
  return tool.title ?? `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** Hints for clients deciding what to confirm with the user; a tool needing only :read scopes changes nothing. */
export function annotationsOf(tool: ToolDescriptor) {
  const readOnly = toolScopes(tool).every((scope) => scope.endsWith(":read"));
  return {
    title: titleOf(tool),
    readOnlyHint: readOnly,
    destructiveHint: tool.destructive,
    idempotentHint: tool.idempotent ?? readOnly,
    openWorldHint: false,
  };
}

function jsonResult(body: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(body, null, 2) }], structuredContent: body };
}

/**
 * The REST error envelope, minus request_id; the text leads with `code: message` so agents can read it. No
 * structuredContent: clients would validate it against the tool's output schema.
 */
export function errorResult(error: AppError): CallToolResult {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fix ? { fix: error.fix } : {}),
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.details ?? {}),
    },
  };
  const text = [`${error.code}: ${error.message}`, ...(error.fix ? [`fix: ${error.fix}`] : [])].join("\n");
  return { content: [{ type: "text", text: `${text}\n${JSON.stringify(body)}` }], isError: true };
}

export type OnUnexpected = (error: unknown, tool: string) => void;

/**
 * Adapts a descriptor to the SDK. Tools the actor lacks a scope for are not registered, so a read-only key
 * never sees write tools. Unknown errors are masked as `internal` (like REST) so SQL never reaches a client.
 */
export function registerTool(server: McpServer, ctx: Ctx, tool: ToolDescriptor, onUnexpected: OnUnexpected): void {
  if (!actorCanUse(ctx, tool)) {
    return;
  }
  server.registerTool(
    tool.name,
    {
      title: titleOf(tool),
      description: tool.description,
      inputSchema: tool.input,
      ...(tool.output ? { outputSchema: tool.output } : {}),
      annotations: annotationsOf(tool),
    },
    async (input: unknown) => {
      try {
        return jsonResult(await tool.run(ctx, input));
      } catch (error) {
        if (error instanceof AppError) {
          return errorResult(error);
        }
        // The same mapping REST uses: a unique-key race is a conflict, a value the column cannot hold is invalid.
        const fromDatabase = appErrorFromDatabase(error);
        if (fromDatabase) {
          return errorResult(fromDatabase);
        }
        onUnexpected(error, tool.name);
        return errorResult(new AppError("internal", "Something went wrong on our side; the server log has details."));
      }
    },
  );
}
