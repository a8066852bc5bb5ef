import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { companies } from "../../src/db/schema/index.ts";
import { newId } from "../../src/lib/ids.ts";
import { createCompany, updateCompany } from "../../src/modules/crm/index.ts";
import { parseCsv } from "../../src/modules/imports/csv.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let other: Awaited<ReturnType<typeof seedWorkspace>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  [ws, other] = await Promise.all([seedWorkspace(database, "Acme"), seedWorkspace(database, "Rival")]);
});
afterAll(() => database.close());

async function csvOf(path: string, key = ws.apiKey) {
  const res = await app.request(path, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, type: res.headers.get("content-type"), rows: parseCsv(await res.text()) };
}

describe("CSV exports", () => {
  it("streams every company past one batch, hides archived ones and defuses formulas", async () => {
    // One statement for the bulk, so the test spends its time on the export.
    await database.db.insert(companies).values(
      Array.from({ length: 520 }, (_, i) => ({
        id: newId("company"),
        workspaceId: ws.workspaceId,
        name: `Company ${String(i).padStart(3, "0")}`,
      })),
    );
    const archived = await createCompany(ws.ctx, { name: "Old Co" });
    await updateCompany(ws.ctx, { id: archived.id, archived: true });
    await createCompany(ws.ctx, { name: "=HYPERLINK(1)", email: "a,b@x.test" });
    await createCompany(other.ctx, { name: "Theirs" });
    const out = await csvOf("/api/v1/companies.csv");
    expect(out.status).toBe(200);
    expect(out.type).toContain("text/csv");
    expect(out.rows[0]).toEqual([
      "id",
      "name",
      "email",
      "phone",
      "website",
      "xero_contact_id",
      "archived_at",
      "created_at",
    ]);
    const names = out.rows.slice(1).map((r) => r[1]);
    expect(names).toHaveLength(521);
    expect(names).toContain("'=HYPERLINK(1)");
    expect(names).not.toContain("Old Co");
    expect(names).not.toContain("Theirs");
    expect(out.rows.find((r) => r[1] === "'=HYPERLINK(1)")?.[2]).toBe("a,b@x.test");
    const withArchived = await csvOf("/api/v1/companies.csv?archived=only");
    expect(withArchived.rows.slice(1).map((r) => r[1])).toEqual(["Old Co"]);
  });

  it("exports opportunities one row per line, with payment status only with invoices:read", async () => {
    const deal = await seedDeal(ws.ctx, 2);
    const full = await csvOf("/api/v1/opportunities.csv");
    expect(full.rows[0]?.at(-1)).toBe("payment_status");
    const mine = full.rows.filter((r) => r[0] === deal.opportunity.id);
    expect(mine).toHaveLength(2);
    expect(mine[0]?.at(-1)).toBe("unpaid");
    const viewer = await keyWithScopes(database, ws, ["opportunities:read"]);
    const plain = await csvOf("/api/v1/opportunities.csv", viewer);
    expect(plain.rows[0]).not.toContain("payment_status");
    expect(plain.rows[0]).toHaveLength(15);
    const contacts = await csvOf("/api/v1/contacts.csv");
    expect(contacts.rows.find((r) => r[0] === deal.contact.id)?.[5]).toBe(deal.company.name);
    const products = await csvOf("/api/v1/products.csv");
    expect(products.rows.find((r) => r[0] === deal.product.id)?.[4]).toBe("250000");
    expect((await csvOf("/api/v1/products.csv", viewer)).status).toBe(403);
  });
});
