import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { MIGRATIONS_FOLDER } from "../../src/db/migrate.ts";
import { opportunityLineTotals } from "../../src/db/schema/index.ts";
import { setPaymentStatus } from "../../src/modules/opportunities/index.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The hand-written part of the migration that added totals by payment status, statement by statement. */
function handWrittenStatements(): string[] {
  const name = readdirSync(MIGRATIONS_FOLDER).find((f) => f.endsWith("_receivables_totals.sql"));
  const file = readFileSync(join(MIGRATIONS_FOLDER, name ?? "missing"), "utf8");
  const [, handWritten = ""] = file.split("-- hand-written below");
  return handWritten
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);
}

describe("the receivables totals migration", () => {
  it("backfills each opportunity's totals by payment status from its lines", async () => {
    const ws = await seedWorkspace(database, "Before totals by status");
    const deal = await seedDeal(ws.ctx, 3);
    await setPaymentStatus(ws.ctx, { lineId: deal.lines[1]?.id as string, status: "paid" });
    await setPaymentStatus(ws.ctx, { lineId: deal.lines[2]?.id as string, status: "invoiced" });
    // As the table stood before the migration: the new columns at their default.
    await database.db.execute(
      sql`update opportunity_line_totals set unpaid_amount = 0, deposit_invoiced_amount = 0, invoiced_amount = 0, paid_amount = 0`,
    );
    for (const statement of handWrittenStatements()) {
      await database.db.execute(sql.raw(statement));
    }
    const [row] = await database.db
      .select()
      .from(opportunityLineTotals)
      .where(eq(opportunityLineTotals.opportunityId, deal.opportunity.id));
    const [first, second, third] = deal.lines.map((l) => l.lineTotalAmount);
    expect(row).toMatchObject({
      lineCount: 3,
      unpaidAmount: first,
      depositInvoicedAmount: 0,
      invoicedAmount: third,
      paidAmount: second,
    });
  });
});
