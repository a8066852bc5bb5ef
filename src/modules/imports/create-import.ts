import { type Ctx, withTransaction } from "../../context.ts";
import { type ImportEntity, imports } from "../../db/schema/index.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope, type Scope } from "../access/index.ts";
import { applyRecords, groupRecords, type Outcome } from "./apply-records.ts";
import { prepareRows } from "./prepare-rows.ts";
import { CreateImportInput } from "./schemas.ts";

export const IMPORT_JOB = "imports.run";

const WRITE_SCOPE: Record<ImportEntity, Scope> = {
  companies: "companies:write",
  contacts: "contacts:write",
  products: "products:write",
  opportunities: "opportunities:write",
};

/** Thrown to roll a dry run back once its outcome is known. */
class DryRunDone extends Error {
  constructor(readonly outcome: Outcome) {
    super("dry run");
  }
}

/**
 * A dry run writes every row exactly as the import would, inside a transaction that is then rolled back, so
 * its errors are the import's errors (references to rows earlier in the file included) and nothing stays.
 * A real import is stored and queued in one transaction; the job writes it in batches with progress.
 */
export async function createImport(ctx: Ctx, input: CreateImportInput) {
  const parsed = parseInput(CreateImportInput, input);
  requireScope(ctx.actor.scopes, WRITE_SCOPE[parsed.entity]);
  const prepared = prepareRows(parsed.entity, parsed.csv, parsed.mapping, parsed.key_column);
  const now = ctx.clock.now();
  const row = {
    id: newId("import", now),
    workspaceId: ctx.actor.workspaceId,
    entity: parsed.entity,
    dryRun: parsed.dry_run,
    csv: parsed.csv,
    mapping: parsed.mapping ?? null,
    keyColumn: parsed.key_column ?? null,
    totalRows: prepared.records.length,
  };
  if (parsed.dry_run) {
    const outcome = await dryRun(ctx, parsed.entity, prepared);
    const [stored] = await ctx.db
      .insert(imports)
      .values({
        ...row,
        status: "validated",
        processedRows: outcome.rows,
        createdRows: outcome.created,
        updatedRows: outcome.updated,
        errors: outcome.errors,
      })
      .returning();
    return stored ?? notStored();
  }
  return withTransaction(ctx, async (tx) => {
    const [stored] = await tx
      .insert(imports)
      .values({ ...row, status: "queued" })
      .returning();
    await enqueue(tx, IMPORT_JOB, { importId: row.id }, { workspaceId: ctx.actor.workspaceId });
    return stored ?? notStored();
  });
}

async function dryRun(ctx: Ctx, entity: ImportEntity, prepared: ReturnType<typeof prepareRows>): Promise<Outcome> {
  try {
    await withTransaction(ctx, (tx) =>
      tx.transaction(async (sp) => {
        throw new DryRunDone(await applyRecords({ ...ctx, db: sp }, entity, groupRecords(entity, prepared), prepared));
      }),
    );
  } catch (error) {
    if (error instanceof DryRunDone) return error.outcome;
    throw error;
  }
  throw new AppError("internal", "The dry run did not finish.");
}

function notStored(): never {
  throw new AppError("internal", "The import was not stored.");
}
