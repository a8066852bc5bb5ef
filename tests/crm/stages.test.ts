import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
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

type Stage = { id: string; name: string; kind: string; position: number };
const stagesOf = async (key: string): Promise<Stage[]> => (await client(app, key).get("/api/v1/stages")).body.data;

describe("stages", () => {
  it("starts every workspace with the default pipeline", async () => {
    const stages = await stagesOf(ws.apiKey);
    expect(stages.map((s) => [s.name, s.kind, s.position])).toEqual([
      ["lead", "open", 0],
      ["qualified", "open", 1],
      ["proposal", "open", 2],
      ["negotiation", "open", 3],
      ["won", "won", 4],
      ["lost", "lost", 5],
    ]);
  });

  it("adds, renames and reorders with dense positions", async () => {
    const api = client(app, ws.apiKey);
    const added = await api.post("/api/v1/stages", { name: "discovery", position: 1 });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: "discovery", kind: "open", position: 1 });
    expect((await stagesOf(ws.apiKey)).map((s) => s.name).slice(0, 3)).toEqual(["lead", "discovery", "qualified"]);
    const moved = await api.patch(`/api/v1/stages/${added.body.id}`, { position: 4, name: "scoping" });
    expect(moved.body).toMatchObject({ name: "scoping", position: 4 });
    const after = await stagesOf(ws.apiKey);
    expect(after.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(after.map((s) => s.name)).toEqual([
      "lead",
      "qualified",
      "proposal",
      "negotiation",
      "scoping",
      "won",
      "lost",
    ]);
    const dup = await api.post("/api/v1/stages", { name: "won" });
    expect(dup.status).toBe(409);
    const bad = await api.post("/api/v1/stages", { name: "x", kind: "closed" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ field: "kind", allowed: ["open", "won", "lost"] });
    expect((await api.delete(`/api/v1/stages/${added.body.id}`)).status).toBe(204);
  });

  it("moves an opportunity by stage_id, keeps the stage text and closes it in a won stage", async () => {
    const api = client(app, ws.apiKey);
    const deal = await seedDeal(ws.ctx);
    const stages = await stagesOf(ws.apiKey);
    const byName = (n: string) => stages.find((s) => s.name === n) as Stage;
    const created = await api.get(`/api/v1/opportunities/${deal.opportunity.id}`);
    expect(created.body).toMatchObject({ stage: "lead", stage_id: byName("lead").id, status: "open" });
    const moved = await api.patch(`/api/v1/opportunities/${deal.opportunity.id}`, { stage_id: byName("won").id });
    expect(moved.body).toMatchObject({ stage: "won", stage_id: byName("won").id, status: "won" });
    const byText = await api.patch(`/api/v1/opportunities/${deal.opportunity.id}`, { stage: "proposal" });
    expect(byText.body).toMatchObject({ stage: "proposal", stage_id: byName("proposal").id });
    const listed = await api.get(`/api/v1/opportunities?stage_id=${byName("proposal").id}`);
    expect(listed.body.data.map((o: { id: string }) => o.id)).toContain(deal.opportunity.id);
    // A free-text stage not yet in the pipeline joins it at the end.
    const fresh = await api.patch(`/api/v1/opportunities/${deal.opportunity.id}`, { stage: "on hold" });
    const holding = (await stagesOf(ws.apiKey)).find((s) => s.name === "on hold");
    expect(fresh.body.stage_id).toBe(holding?.id);
    // Renaming the stage renames the text of its opportunities.
    await api.patch(`/api/v1/stages/${holding?.id}`, { name: "paused" });
    expect((await api.get(`/api/v1/opportunities/${deal.opportunity.id}`)).body.stage).toBe("paused");
  });

  it("refuses to delete a stage in use unless its opportunities move", async () => {
    const api = client(app, ws.apiKey);
    const stage = (await api.post("/api/v1/stages", { name: "parked" })).body as Stage;
    const deal = await seedDeal(ws.ctx);
    await api.patch(`/api/v1/opportunities/${deal.opportunity.id}`, { stage_id: stage.id });
    const refused = await api.delete(`/api/v1/stages/${stage.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("still holds 1 opportunities");
    const lead = (await stagesOf(ws.apiKey))[0] as Stage;
    expect((await api.delete(`/api/v1/stages/${stage.id}?move_to=${lead.id}`)).status).toBe(204);
    const moved = await api.get(`/api/v1/opportunities/${deal.opportunity.id}`);
    expect(moved.body).toMatchObject({ stage_id: lead.id, stage: lead.name });
  });

  it("keeps stages per workspace (404) and needs settings:write to change them", async () => {
    const mine = (await stagesOf(ws.apiKey))[0] as Stage;
    const theirs = client(app, other.apiKey);
    expect((await theirs.patch(`/api/v1/stages/${mine.id}`, { name: "x" })).status).toBe(404);
    expect((await theirs.delete(`/api/v1/stages/${mine.id}`)).status).toBe(404);
    const deal = await seedDeal(other.ctx);
    const wrong = await theirs.patch(`/api/v1/opportunities/${deal.opportunity.id}`, { stage_id: mine.id });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.issues[0].field).toBe("stage_id");
    const reader = client(app, await keyWithScopes(database, ws, ["opportunities:read"]));
    expect((await reader.get("/api/v1/stages")).status).toBe(200);
    const denied = await reader.post("/api/v1/stages", { name: "nope" });
    expect(denied.status).toBe(403);
    expect(denied.body.error.required_scope).toBe("settings:write");
  });
});
