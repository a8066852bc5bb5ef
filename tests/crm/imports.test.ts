import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
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
});
afterAll(() => database.close());

async function drainJobs() {
  const runner = createJobRunner({
    db: database.db,
    clock: systemClock,
    logger: createLogger("silent"),
    definitions: JOB_DEFINITIONS,
  });
  while ((await runner.drainOnce()) > 0) {
    // until the queue is empty
  }
}

async function runImport(body: Record<string, unknown>, key = ws.apiKey) {
  const api = client(app, key);
  const started = await api.post("/api/v1/imports", body);
  expect(started.status).toBe(201);
  await drainJobs();
  return (await api.get(`/api/v1/imports/${started.body.id}`)).body;
}

const count = async (path: string) => (await client(app, ws.apiKey).get(`${path}?limit=100`)).body.data.length;

const COMPANIES = [
  "Company name,Email,Website,Notes",
  "Harbour Dental,hello@harbour.test,https://harbour.test,first",
  "Kauri Builders,,https://kauri.test,",
  ",nobody@x.test,,no name",
  '"Tui, Ltd",tui@tui.test,,"quoted, with comma"',
  `Bad Email Co,${"x".repeat(300)},,`,
].join("\n");
const MAPPING = { "Company name": "name", Email: "email", Website: "website" };

describe("imports", () => {
  it("dry run lists each row's errors and writes nothing", async () => {
    const res = await client(app, ws.apiKey).post("/api/v1/imports", {
      entity: "companies",
      csv: COMPANIES,
      mapping: MAPPING,
      dry_run: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "validated", total_rows: 5, processed_rows: 5, created_rows: 3 });
    expect(res.body.errors).toEqual([
      { row: 4, field: "Company name", message: expect.any(String) },
      { row: 6, field: "Email", message: expect.stringContaining("254") },
    ]);
    expect(await count("/api/v1/companies")).toBe(0);
    expect((await client(app, ws.apiKey).get(`/api/v1/imports/${res.body.id}`)).body.status).toBe("validated");
  });

  it("imports in the background, skips bad rows whole, and updates by key on a re-run", async () => {
    const first = await runImport({ entity: "companies", csv: COMPANIES, mapping: MAPPING });
    expect(first).toMatchObject({ status: "completed", total_rows: 5, processed_rows: 5, created_rows: 3 });
    expect(first.errors.map((e: { row: number }) => e.row)).toEqual([4, 6]);
    expect(await count("/api/v1/companies")).toBe(3);
    const changed = COMPANIES.replace("hello@harbour.test", "accounts@harbour.test");
    const again = await runImport({ entity: "companies", csv: changed, mapping: MAPPING, key_column: "Company name" });
    expect(again).toMatchObject({ status: "completed", created_rows: 0, updated_rows: 3 });
    expect(await count("/api/v1/companies")).toBe(3);
    const harbour = (await client(app, ws.apiKey).get("/api/v1/companies?q=harbour")).body.data[0];
    expect(harbour.email).toBe("accounts@harbour.test");
  });

  it("imports contacts, products and opportunities with their lines, idempotently", async () => {
    const contacts = await runImport({
      entity: "contacts",
      csv: "name,email,company,is_primary\nMia Chen,mia@harbour.test,Harbour Dental,yes\nGhost,ghost@x.test,No Such Co,no\n",
    });
    expect(contacts).toMatchObject({ created_rows: 1 });
    expect(contacts.errors).toEqual([{ row: 3, field: "company", message: expect.stringContaining("No Such Co") }]);
    const products = await runImport({
      entity: "products",
      csv: "sku,name,unit_price,currency,billing,recurring_interval,tax_rate\nWEB,Website build,2500.00,USD,one_off,,15\nHOST,Hosting,49.5,USD,recurring,month,15\nBAD,Broken,12.345,USD,,,\n",
    });
    expect(products).toMatchObject({ created_rows: 2 });
    expect(products.errors).toEqual([{ row: 4, field: "unit_price", message: expect.any(String) }]);
    const hosting = (await client(app, ws.apiKey).get("/api/v1/products?q=hosting")).body.data[0];
    expect(hosting).toMatchObject({ unit_amount: 4950, billing: "recurring", recurring_interval: "month" });
    const deals = [
      "name,company,currency,stage,product,quantity,unit_price",
      "Harbour rebuild,Harbour Dental,USD,proposal,WEB,1,",
      "Harbour rebuild,,,,HOST,12,45.00",
      "Kauri site,Kauri Builders,USD,lead,WEB,1,",
      "Kauri site,,,,NOPE,1,",
    ].join("\n");
    const opp = await runImport({ entity: "opportunities", csv: deals });
    expect(opp).toMatchObject({ created_rows: 1, processed_rows: 4 });
    expect(opp.errors).toEqual([
      { row: 4, field: "(row)", message: "not imported: row 5 of the same opportunity has errors" },
      { row: 5, field: "product", message: expect.stringContaining("NOPE") },
    ]);
    const again = await runImport({ entity: "opportunities", csv: deals });
    expect(again).toMatchObject({ created_rows: 0, updated_rows: 1 });
    const list = (await client(app, ws.apiKey).get("/api/v1/opportunities?expand=products")).body.data;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: "Harbour rebuild", stage: "proposal", line_count: 2 });
    expect(list[0].total_amount).toBe(250_000 + 12 * 4_500);
  });

  it("refuses a bad file or mapping as a whole, with the allowed values", async () => {
    const api = client(app, ws.apiKey);
    const bad = await api.post("/api/v1/imports", { entity: "companies", csv: "a,b\n1,2", mapping: { a: "colour" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ field: "mapping.a", allowed: expect.arrayContaining(["name"]) });
    const entity = await api.post("/api/v1/imports", { entity: "deals", csv: "name\nx" });
    expect(entity.status).toBe(400);
    expect(entity.body.error.issues[0].field).toBe("entity");
    const key = await api.post("/api/v1/imports", { entity: "companies", csv: "name\nx", key_column: "phone" });
    expect(key.status).toBe(400);
    expect(key.body.error.issues[0].field).toBe("key_column");
  });

  it("needs the entity's write scope and keeps imports per workspace", async () => {
    const readOnly = client(app, await keyWithScopes(database, ws, ["companies:read", "companies:write"]));
    const refused = await readOnly.post("/api/v1/imports", { entity: "products", csv: "name\nx", dry_run: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error.required_scope).toBe("products:write");
    const mine = await client(app, ws.apiKey).post("/api/v1/imports", {
      entity: "companies",
      csv: "name\nx",
      dry_run: true,
    });
    expect((await client(app, other.apiKey).get(`/api/v1/imports/${mine.body.id}`)).status).toBe(404);
  });
});
