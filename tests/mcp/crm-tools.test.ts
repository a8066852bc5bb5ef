import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { SCOPES, type Scope } from "../../src/modules/access/index.ts";
import { listCompanies } from "../../src/modules/crm/index.ts";
import { listStages } from "../../src/modules/stages/index.ts";
import { createTestApp, client as restClient, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { call, callError, listen, mcpClient } from "./support.ts";

let database: Database;
let app: TestApp;
let server: Awaited<ReturnType<typeof listen>>;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let other: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;
const clients: Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  server = await listen(app);
  [ws, other] = await Promise.all([seedWorkspace(database, "Tools"), seedWorkspace(database, "Elsewhere")]);
  deal = await seedDeal(ws.ctx, 2);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  await database.close();
});

async function clientWith(scopes: readonly Scope[], key?: string) {
  const client = await mcpClient(server.url, key ?? (await keyWithScopes(database, ws, [...scopes])));
  clients.push(client);
  return client;
}

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

const CSV = ["Company name,Email", "Tool Import One,one@tool.test", ",nobody@tool.test", "Tool Import Two,"].join("\n");

/** Each tool, the scopes it needs, and arguments that succeed with them. */
const cases: { tool: string; needs: Scope[]; args: () => Record<string, unknown> }[] = [
  { tool: "list_stages", needs: ["opportunities:read"], args: () => ({}) },
  { tool: "create_stage", needs: ["settings:write"], args: () => ({ name: `Scoped ${Math.random()}` }) },
  {
    tool: "create_import",
    needs: ["companies:write"],
    args: () => ({ entity: "companies", csv: CSV, mapping: { "Company name": "name", Email: "email" }, dry_run: true }),
  },
  { tool: "get_receivables", needs: ["invoices:read"], args: () => ({ as_of: "2026-11-30" }) },
];

describe("CRM workspace tools: stages, imports, receivables", () => {
  for (const { tool, needs, args } of cases) {
    it(`${tool}: listed and working with ${needs.join(" + ")}; absent and refused without`, async () => {
      const holder = await clientWith(needs);
      expect((await holder.listTools()).tools.map((t) => t.name)).toContain(tool);
      expect(await call(holder, tool, args())).toBeTypeOf("object");
      for (const missing of needs) {
        const lacking = await clientWith(SCOPES.filter((s) => s !== missing));
        expect((await lacking.listTools()).tools.map((t) => t.name)).not.toContain(tool);
        expect(await callError(lacking, tool, args())).toMatch(/not found|insufficient_scope/i);
      }
    });
  }

  it("lists, adds, renames, moves and deletes stages as REST does", async () => {
    const agent = await clientWith(["opportunities:read", "settings:write"]);
    const before = (await call(agent, "list_stages", {})).data as { id: string; name: string; position: number }[];
    expect(before.map((s) => s.position)).toEqual(before.map((_, i) => i));
    const added = await call(agent, "create_stage", { name: "Discovery", kind: "open", position: 1 });
    expect(added).toMatchObject({ name: "Discovery", kind: "open", position: 1 });
    const renamed = await call(agent, "update_stage", { stage_id: added.id, name: "Scoping", position: 0 });
    expect(renamed).toMatchObject({ id: added.id, name: "Scoping", position: 0 });
    const rest = await restClient(app, ws.apiKey).get("/api/v1/stages");
    expect(rest.body.data.find((s: { id: string }) => s.id === added.id)).toMatchObject({ name: "Scoping" });
    expect(await call(agent, "delete_stage", { stage_id: added.id })).toEqual({ deleted: true, stage_id: added.id });
    expect((await listStages(ws.ctx)).some((s) => s.id === added.id)).toBe(false);
  });

  it("refuses to delete a stage holding deals unless move_to names where they go", async () => {
    const agent = await clientWith(["opportunities:read", "settings:write"]);
    const stages = (await call(agent, "list_stages", {})).data as { id: string; name: string }[];
    const holding = stages.find((s) => s.id === deal.opportunity.stageId);
    const target = stages.find((s) => s.id !== deal.opportunity.stageId);
    expect(holding && target).toBeTruthy();
    expect(await callError(agent, "delete_stage", { stage_id: holding?.id })).toMatch(/conflict/i);
    await call(agent, "delete_stage", { stage_id: holding?.id, move_to: target?.id });
    const moved = await restClient(app, ws.apiKey).get(`/api/v1/opportunities/${deal.opportunity.id}`);
    expect(moved.body.stage_id).toBe(target?.id);
  });

  it("another workspace's stage is not found", async () => {
    const [theirs] = await listStages(other.ctx);
    const agent = await clientWith(["opportunities:read", "settings:write"]);
    expect(await callError(agent, "update_stage", { stage_id: theirs?.id, name: "Mine now" })).toMatch(/^not_found/);
    expect(await callError(agent, "delete_stage", { stage_id: theirs?.id })).toMatch(/^not_found/);
  });

  it("dry-runs an import writing nothing, then imports in the background with progress", async () => {
    const agent = await clientWith(["companies:read", "companies:write"]);
    const mapping = { "Company name": "name", Email: "email" };
    const dry = await call(agent, "create_import", { entity: "companies", csv: CSV, mapping, dry_run: true });
    expect(dry).toMatchObject({ status: "validated", total_rows: 3, created_rows: 2 });
    expect(dry.errors).toEqual([expect.objectContaining({ row: 3, field: "Company name" })]);
    expect((await listCompanies(ws.ctx, { q: "tool import" })).data).toHaveLength(0);

    const started = await call(agent, "create_import", { entity: "companies", csv: CSV, mapping, dry_run: false });
    expect(started.status).toBe("queued");
    await drainJobs();
    const done = await call(agent, "get_import", { import_id: started.id });
    expect(done).toMatchObject({ status: "completed", processed_rows: 3, created_rows: 2 });
    expect((await listCompanies(ws.ctx, { q: "tool import" })).data).toHaveLength(2);
    const bad = await callError(agent, "create_import", { entity: "invoices", csv: CSV, dry_run: true });
    expect(bad).toMatch(/entity/);
  });

  it("an import of contacts also needs contacts:write, as REST does", async () => {
    const agent = await clientWith(["companies:read", "companies:write"]);
    const refused = await callError(agent, "create_import", { entity: "contacts", csv: "name\nAna", dry_run: true });
    expect(refused).toMatch(/insufficient_scope/i);
  });

  it("gets the receivables report REST returns", async () => {
    const agent = await clientWith(["invoices:read"]);
    const viaTool = await call(agent, "get_receivables", { as_of: "2026-11-30" });
    const viaRest = await restClient(app, ws.apiKey).get("/api/v1/reports/receivables?as_of=2026-11-30");
    expect(viaTool).toEqual(viaRest.body);
    expect(viaTool.pipeline_by_status[0]).toMatchObject({ currency: "USD" });
    expect(await callError(agent, "get_receivables", { as_of: "yesterday" })).toMatch(/as_of/);
  });
});
