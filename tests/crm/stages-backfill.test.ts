import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { MIGRATIONS_FOLDER } from "../../src/db/migrate.ts";
import { opportunities, stages } from "../../src/db/schema/index.ts";
import { createCompany } from "../../src/modules/crm/index.ts";
import { createOpportunity, updateOpportunity } from "../../src/modules/opportunities/index.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The hand-written part of the migration that introduced stages, statement by statement. */
function backfillStatements(): string[] {
  const file = readFileSync(join(MIGRATIONS_FOLDER, "0014_crm_workspace.sql"), "utf8");
  const [, handWritten = ""] = file.split("-- hand-written below");
  return handWritten
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);
}

describe("the stages migration's backfill", () => {
  it("gives workspaces that had only free-text stages the default pipeline plus their own stages", async () => {
    const ws = await seedWorkspace(database, "Before stages");
    const company = await createCompany(ws.ctx, { name: "Old Co" });
    const won = await createOpportunity(ws.ctx, { name: "Won", company_id: company.id, currency: "USD" });
    const open = await createOpportunity(ws.ctx, { name: "Open", company_id: company.id, currency: "USD" });
    await updateOpportunity(ws.ctx, { id: won.id, status: "won" });
    // As the database stood before the migration: free text, no stage rows, no stage_id.
    await database.db.update(opportunities).set({ stageId: null });
    await database.db.delete(stages);
    await database.db.execute(sql`update opportunities set stage = 'closed' where id = ${won.id}`);
    await database.db.execute(sql`update opportunities set stage = 'proposal' where id = ${open.id}`);
    for (const statement of backfillStatements()) {
      await database.db.execute(sql.raw(statement));
    }
    const rows = await database.db.select().from(stages).where(sql`${stages.workspaceId} = ${ws.workspaceId}`);
    const pipeline = rows.sort((a, b) => a.position - b.position).map((s) => [s.name, s.kind, s.position]);
    expect(pipeline).toEqual([
      ["lead", "open", 0],
      ["qualified", "open", 1],
      ["proposal", "open", 2],
      ["negotiation", "open", 3],
      ["won", "won", 4],
      ["lost", "lost", 5],
      ["closed", "won", 6],
    ]);
    const byId = new Map(rows.map((s) => [s.id, s.name]));
    const opps = await database.db
      .select()
      .from(opportunities)
      .where(sql`${opportunities.workspaceId} = ${ws.workspaceId}`);
    expect(opps.map((o) => [o.name, byId.get(o.stageId ?? "")]).sort()).toEqual([
      ["Open", "proposal"],
      ["Won", "closed"],
    ]);
  });
});
