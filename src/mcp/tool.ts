import type { z } from "zod";
import type { Ctx } from "../context.ts";
import type { Scope } from "../modules/access/index.ts";

/**
 * One MCP tool: a thin wrapper over a domain verb. `scope` decides whether an actor sees the tool at all;
 * the verb still checks them itself, so a listed tool can never do more than the REST route would.
 */
export type ToolDescriptor = {
  name: string;
  /** A short human title for clients' tool pickers (default: the name in words). */
  title?: string;
  description: string;
  /** The scope (or every scope) the tool needs; actors missing one do not see it in tools/list. */
  scope: Scope | readonly Scope[];
  /** True when the call may overwrite or end something (a status change, a void), not just add. */
  destructive: boolean;
  /** True when repeating the call with the same arguments changes nothing more (reads, syncs, replays by key). */
  idempotent?: boolean;
  input: z.ZodObject;
  output?: z.ZodObject;
  /** Returns the REST DTO for the same operation (always an object, so it can be structuredContent). */
  run: (ctx: Ctx, input: unknown) => Promise<Record<string, unknown>>;
};

type Definition<S extends z.ZodObject> = Omit<ToolDescriptor, "input" | "run"> & {
  input: S;
  run: (ctx: Ctx, input: z.output<S>) => Promise<Record<string, unknown>>;
};

/**
 * Keeps each tool's `run` typed by its own schema while letting every tool live in one list. The cast is
 * sound because register-tool only calls `run` with what the SDK parsed from `input`.
 */
export function defineTool<S extends z.ZodObject>(definition: Definition<S>): ToolDescriptor {
  return { ...definition, run: (ctx, input) => definition.run(ctx, input as z.output<S>) };
}

/** The same tool under another name (the legacy `*_deal_*` aliases). */
export function aliasOf(tool: ToolDescriptor, name: string): ToolDescriptor {
  return { ...tool, name, description: `${tool.description} (Legacy alias of ${tool.name}.)` };
}
