import { z } from "zod";
import { type Ctx, withTransaction } from "../context.ts";
import type { Tx } from "../db/client.ts";
import { defineTool, type ToolDescriptor } from "./tool.ts";
import { runOnce } from "./tool-idempotency.ts";

export const IdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .describe(
    "Any unique string (e.g. a UUID) for this action; repeating the call with the same key returns the first result instead of acting twice. Keys are kept 24 hours.",
  );

const DryRun = z
  .boolean()
  .optional()
  .describe("true: run every check and return what the result would be, then undo it; nothing is written or sent");

/** Thrown to undo a dry run's transaction once its result is in hand. */
class DryRunDone extends Error {
  constructor(readonly result: Record<string, unknown>) {
    super("dry run");
  }
}

/**
 * The verb runs for real inside a transaction that is then rolled back, so a dry run applies exactly the rules a
 * real call would and answers with the same shape. Providers are withheld: a dry run never reaches Xero or Stripe.
 */
async function dryRun(ctx: Ctx, run: (ctx: Ctx) => Promise<Record<string, unknown>>) {
  try {
    await withTransaction(ctx, async (tx: Tx) => {
      throw new DryRunDone(await run({ ...ctx, db: tx, accounting: undefined, payments: undefined }));
    });
  } catch (error) {
    if (error instanceof DryRunDone) return { ...error.result, dry_run: true };
    throw error;
  }
  throw new Error("unreachable: a dry run always rolls back");
}

/**
 * A money-moving tool: takes `idempotency_key` (a repeat returns the first result) and, with `dryRun`, `dry_run`.
 * The output gains `dry_run: true` on previews so an agent can never mistake one for the real thing.
 */
export function moneyMovingTool(tool: ToolDescriptor, options: { dryRun: boolean }): ToolDescriptor {
  const input = tool.input.extend({
    idempotency_key: IdempotencyKey,
    ...(options.dryRun ? { dry_run: DryRun } : {}),
  });
  const output = tool.output?.extend({
    dry_run: z.boolean().optional().describe("true when nothing was written (a dry run)"),
  });
  const description = options.dryRun
    ? `${tool.description} Pass dry_run: true first to check it; pass an idempotency_key so a retry never acts twice.`
    : `${tool.description} Pass an idempotency_key so a retry never acts twice.`;
  return defineTool({
    ...tool,
    description,
    input,
    ...(output ? { output } : {}),
    run: async (ctx, args) => {
      const { idempotency_key, ...toolArgs } = args as Record<string, unknown>;
      // A tool with a dry run of its own (create_xero_invoice's preview) keeps dry_run among its arguments.
      if (options.dryRun && toolArgs.dry_run === true) {
        const { dry_run: _dryRun, ...rest } = toolArgs;
        return dryRun(ctx, (inner) => tool.run(inner, rest));
      }
      const { dry_run: _unused, ...rest } = toolArgs;
      const callArgs = options.dryRun ? rest : toolArgs;
      if (typeof idempotency_key !== "string") {
        return tool.run(ctx, callArgs);
      }
      return runOnce(ctx, { tool: tool.name, key: idempotency_key, args: callArgs }, () => tool.run(ctx, callArgs));
    },
  });
}
