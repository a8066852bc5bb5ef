import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createInvoice, listOpportunityInvoices } from "../../src/modules/invoices/index.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it("two concurrent deposit invoices for the same line: the second needs confirm_double_billing", async () => {
  const ws = await seedWorkspace(database);
  for (let round = 0; round < 5; round++) {
    const deal = await seedDeal(ws.ctx, 1);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "deposit" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(1);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "precondition_failed" });
    }
    expect((await listOpportunityInvoices(ws.ctx, { opportunity_id: deal.opportunity.id })).length).toBe(1);
  }
});
