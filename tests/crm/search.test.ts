import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { invoices } from "../../src/db/schema/index.ts";
import { newId } from "../../src/lib/ids.ts";
import { createCompany, createContact, updateCompany } from "../../src/modules/crm/index.ts";
import { createOpportunity } from "../../src/modules/opportunities/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let other: Awaited<ReturnType<typeof seedWorkspace>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  [ws, other] = await Promise.all([seedWorkspace(database, "Acme"), seedWorkspace(database, "Rival")]);
  const harbour = await createCompany(ws.ctx, { name: "Harbour Dental", website: "https://harbour.test" });
  await createContact(ws.ctx, { name: "Mia Chen", email: "mia@harbour.test", company_id: harbour.id });
  const opp = await createOpportunity(ws.ctx, {
    name: "Harbour website rebuild",
    company_id: harbour.id,
    currency: "USD",
  });
  const old = await createCompany(ws.ctx, { name: "Harbour Old" });
  await updateCompany(ws.ctx, { id: old.id, archived: true });
  await createCompany(other.ctx, { name: "Harbour Rival" });
  await database.db.insert(invoices).values({
    id: newId("invoice"),
    workspaceId: ws.workspaceId,
    opportunityId: opp.id,
    portion: "full",
    billedPortion: "full",
    number: "INV-0042",
    currency: "USD",
    taxMode: "exclusive",
    issueDate: "2026-11-01",
    subtotalAmount: 100,
    taxAmount: 0,
    totalAmount: 100,
  });
});
afterAll(() => database.close());

const hits = async (q: string, key = ws.apiKey) =>
  (await client(app, key).get(`/api/v1/search?q=${encodeURIComponent(q)}`)).body.data as {
    type: string;
    title: string;
  }[];

describe("search", () => {
  it("finds companies, contacts and opportunities by word prefixes, and invoices by number", async () => {
    const found = await hits("harb");
    expect(found.map((h) => [h.type, h.title])).toEqual([
      ["company", "Harbour Dental"],
      ["opportunity", "Harbour website rebuild"],
    ]);
    expect((await hits("mia")).map((h) => h.title)).toEqual(["Mia Chen"]);
    expect((await hits("harbour web")).map((h) => h.title)).toEqual(["Harbour website rebuild"]);
    expect((await hits("inv-004")).map((h) => [h.type, h.title])).toEqual([["invoice", "INV-0042"]]);
    expect(await hits("') | (x:*")).toEqual([]);
  });

  it("shows only what the caller may read", async () => {
    const viewer = await keyWithScopes(database, ws, ["companies:read", "opportunities:read"]);
    expect((await hits("inv-0042", viewer)).map((h) => h.type)).toEqual([]);
    expect((await hits("mia", viewer)).map((h) => h.type)).toEqual([]);
    expect((await hits("harbour", other.apiKey)).map((h) => h.title)).toEqual(["Harbour Rival"]);
    const empty = await client(app, ws.apiKey).get("/api/v1/search?q=");
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].field).toBe("q");
  });
});
