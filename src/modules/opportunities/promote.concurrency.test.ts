import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace } from "../../../tests/support/builders.ts";
import { type SeededDeal, seedDeal } from "../../../tests/support/crm-builders.ts";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import { withTransaction } from "../../context.ts";
import type { Database } from "../../db/client.ts";
import { paymentStatusHistory, productLines } from "../../db/schema/index.ts";
import { PAYMENT_STATUSES, type PaymentStatus, statusRank } from "../invoices/engine/index.ts";
import { addLine } from "./add-line.ts";
import { promote } from "./promote.ts";

let database: Database;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;

beforeAll(async () => {
  database = await createTestDatabase();
  ws = await seedWorkspace(database);
  deal = await seedDeal(ws.ctx);
});
afterAll(() => database.close());

async function stateOf(lineId: string) {
  const [line] = await database.db.select().from(productLines).where(eq(productLines.id, lineId));
  const history = await database.db
    .select()
    .from(paymentStatusHistory)
    .where(eq(paymentStatusHistory.lineId, lineId))
    .orderBy(asc(paymentStatusHistory.id));
  return { status: line?.paymentStatus, history };
}

describe("promote under concurrency", () => {
  it("racing promotions of one line end at the maximum with one history row per rise", async () => {
    for (let round = 0; round < 5; round++) {
      const line = await addLine(ws.ctx, { opportunity_id: deal.opportunity.id, product_id: deal.product.id });
      const proposals: PaymentStatus[] = Array.from(
        { length: 24 },
        (_, i) => PAYMENT_STATUSES[(i * 7 + round) % 4] ?? "paid",
      );
      const results = await Promise.all(
        proposals.map((proposed) => promote(ws.ctx, { lineId: line.id, proposed, source: "xero_sync" })),
      );
      const { status, history } = await stateOf(line.id);
      expect(status).toBe("paid");
      expect(history.length).toBe(results.filter((r) => r.changed).length);
      // A chain: each change starts where the previous one ended and climbs.
      let previous: PaymentStatus = "unpaid";
      for (const change of history) {
        expect(change.fromStatus).toBe(previous);
        expect(statusRank(change.toStatus)).toBeGreaterThan(statusRank(change.fromStatus));
        previous = change.toStatus;
      }
      expect(previous).toBe("paid");
    }
  });

  it("many identical promotions write history exactly once", async () => {
    const line = await addLine(ws.ctx, { opportunity_id: deal.opportunity.id, product_id: deal.product.id });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        promote(ws.ctx, { lineId: line.id, proposed: "deposit_invoiced", source: "invoice_sent" }),
      ),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    const { status, history } = await stateOf(line.id);
    expect(status).toBe("deposit_invoiced");
    expect(history).toHaveLength(1);
  });

  it("joins the caller's transaction and rolls back with it", async () => {
    const line = await addLine(ws.ctx, { opportunity_id: deal.opportunity.id, product_id: deal.product.id });
    await expect(
      withTransaction({ db: database.db }, async (tx) => {
        await promote({ ...ws.ctx, db: tx }, { lineId: line.id, proposed: "invoiced", source: "invoice_sent" });
        throw new Error("invoice creation failed");
      }),
    ).rejects.toThrow("invoice creation failed");
    const { status, history } = await stateOf(line.id);
    expect(status).toBe("unpaid");
    expect(history).toEqual([]);
  });
});
