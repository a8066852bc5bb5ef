import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace } from "../../../tests/support/builders.ts";
import { type SeededDeal, seedDeal } from "../../../tests/support/crm-builders.ts";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import type { Database } from "../../db/client.ts";
import { PAYMENT_STATUS_SOURCES, paymentStatusHistory, productLines } from "../../db/schema/index.ts";
import { PAYMENT_STATUSES, type PaymentStatus, promotedStatus } from "../invoices/engine/index.ts";
import { addLine } from "./add-line.ts";
import { promote } from "./promote.ts";
import { setPaymentStatus } from "./set-payment-status.ts";

let database: Database;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;

beforeAll(async () => {
  database = await createTestDatabase();
  ws = await seedWorkspace(database);
  deal = await seedDeal(ws.ctx);
});
afterAll(() => database.close());

const status = fc.constantFrom(...PAYMENT_STATUSES);
const automaticSource = fc.constantFrom(...PAYMENT_STATUS_SOURCES.filter((s) => s !== "manual"));
const step = fc.oneof(
  fc.record({ kind: fc.constant("manual" as const), to: status }),
  fc.record({ kind: fc.constant("auto" as const), to: status, source: automaticSource }),
);

async function historyOf(lineId: string) {
  return database.db
    .select()
    .from(paymentStatusHistory)
    .where(eq(paymentStatusHistory.lineId, lineId))
    .orderBy(asc(paymentStatusHistory.id));
}

describe("payment status ladder", () => {
  it("automatic changes never lower, manual ones set exactly, history lists every real change", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 10 }), async (steps) => {
        const line = await addLine(ws.ctx, { opportunity_id: deal.opportunity.id, product_id: deal.product.id });
        let expected: PaymentStatus = "unpaid";
        const changes: { from: PaymentStatus; to: PaymentStatus; source: string }[] = [];
        for (const s of steps) {
          const before: PaymentStatus = expected;
          if (s.kind === "manual") {
            await setPaymentStatus(ws.ctx, { lineId: line.id, status: s.to });
            expected = s.to;
          } else {
            const result = await promote(ws.ctx, { lineId: line.id, proposed: s.to, source: s.source });
            expected = promotedStatus(before, s.to);
            expect(result).toEqual({ changed: expected !== before, from: before, to: expected });
          }
          if (expected !== before) {
            changes.push({ from: before, to: expected, source: s.kind === "manual" ? "manual" : s.source });
          }
        }
        const [row] = await database.db.select().from(productLines).where(eq(productLines.id, line.id));
        expect(row?.paymentStatus).toBe(expected);
        const history = await historyOf(line.id);
        expect(history.map((h) => ({ from: h.fromStatus, to: h.toStatus, source: h.source }))).toEqual(changes);
      }),
      { numRuns: 40 },
    );
  });

  it("records the actor and the related invoice", async () => {
    const line = await addLine(ws.ctx, { opportunity_id: deal.opportunity.id, product_id: deal.product.id });
    await promote(ws.ctx, { lineId: line.id, proposed: "invoiced", source: "xero_sync", invoiceId: "inv_123" });
    const member = {
      ...ws.ctx,
      actor: {
        kind: "member" as const,
        workspaceId: ws.workspaceId,
        userId: ws.userId,
        memberId: ws.memberId,
        scopes: ws.ctx.actor.scopes,
      },
    };
    await setPaymentStatus(member, { lineId: line.id, status: "unpaid" });
    const history = await historyOf(line.id);
    expect(history).toMatchObject([
      {
        fromStatus: "unpaid",
        toStatus: "invoiced",
        source: "xero_sync",
        actorKind: "system",
        actorId: null,
        invoiceId: "inv_123",
      },
      {
        fromStatus: "invoiced",
        toStatus: "unpaid",
        source: "manual",
        actorKind: "member",
        actorId: ws.userId,
        invoiceId: null,
      },
    ]);
    expect(history[0]?.id).toMatch(/^psh_/);
  });

  it("refuses a manual change without invoices:write and a line from another workspace", async () => {
    const line = await addLine(ws.ctx, { opportunity_id: deal.opportunity.id, product_id: deal.product.id });
    const reader = { ...ws.ctx, actor: { ...ws.ctx.actor, scopes: new Set(["invoices:read" as const]) } };
    await expect(setPaymentStatus(reader, { lineId: line.id, status: "paid" })).rejects.toMatchObject({
      code: "insufficient_scope",
    });
    const other = await seedWorkspace(database, "Other");
    await expect(promote(other.ctx, { lineId: line.id, proposed: "paid", source: "automation" })).rejects.toMatchObject(
      {
        code: "not_found",
      },
    );
    expect(await historyOf(line.id)).toEqual([]);
  });
});
