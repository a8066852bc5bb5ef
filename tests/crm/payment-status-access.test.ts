import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { PRESET_SCOPES, type Scope } from "../../src/modules/access/index.ts";
import { promote } from "../../src/modules/opportunities/index.ts";
import { type ApiResponse, client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let deal: SeededDeal;
const keys: Record<"crmOnly" | "reader" | "viewer" | "editor", string> = {
  crmOnly: "",
  reader: "",
  viewer: "",
  editor: "",
};
const CRM: Scope[] = ["opportunities:read", "opportunities:write", "products:read"];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Acme");
  deal = await seedDeal(ws.ctx, 3);
  keys.crmOnly = await keyWithScopes(database, ws, CRM);
  keys.reader = await keyWithScopes(database, ws, [...CRM, "invoices:read"]);
  keys.viewer = await keyWithScopes(database, ws, PRESET_SCOPES.viewer);
  keys.editor = await keyWithScopes(database, ws, PRESET_SCOPES.editor);
  await promote(ws.ctx, { lineId: deal.lines[1]?.id ?? "", proposed: "paid", source: "stripe_payment" });
});
afterAll(() => database.close());

/** Every response that carries lines, on both the canonical path and the /deals alias. */
function lineCarryingCalls(base: string) {
  // Paths are built at call time: the deal is seeded in beforeAll, after tests are collected.
  const at = () => ({ opp: `/api/v1${base}/${deal.opportunity.id}`, lineId: deal.lines[0]?.id });
  return [
    ["GET lines", (api: ReturnType<typeof client>) => api.get(`${at().opp}/products`)],
    ["GET line", (api: ReturnType<typeof client>) => api.get(`${at().opp}/products/${at().lineId}`)],
    ["GET opportunity expand", (api: ReturnType<typeof client>) => api.get(`${at().opp}?expand=products`)],
    ["GET list expand", (api: ReturnType<typeof client>) => api.get(`/api/v1${base}?expand=products`)],
    [
      "POST line",
      (api: ReturnType<typeof client>) => api.post(`${at().opp}/products`, { product_id: deal.product.id }),
    ],
    [
      "PATCH line",
      (api: ReturnType<typeof client>) => api.patch(`${at().opp}/products/${at().lineId}`, { quantity: 2 }),
    ],
    [
      "POST reorder",
      async (api: ReturnType<typeof client>) => {
        const ids = (await api.get(`${at().opp}/products`)).body.data.map((l: { id: string }) => l.id);
        return api.post(`${at().opp}/products/reorder`, { line_ids: ids });
      },
    ],
  ] as const;
}

function linesIn(res: ApiResponse): Record<string, unknown>[] {
  const body = res.body;
  if (body.product_id) return [body];
  if (body.products) return body.products;
  return body.data.flatMap((item: Record<string, unknown>) => (item.product_id ? [item] : (item.products ?? [])));
}

describe("payment_status visibility", () => {
  for (const base of ["/opportunities", "/deals"]) {
    for (const [name, call] of lineCarryingCalls(base)) {
      it(`${base}: ${name} strips the key without invoices:read and shows it with it`, async () => {
        const hidden = await call(client(app, keys.crmOnly));
        expect(hidden.status).toBeLessThan(300);
        expect(linesIn(hidden).length).toBeGreaterThan(0);
        expect(JSON.stringify(hidden.body)).not.toContain("payment_status");
        const shown = await call(client(app, keys.reader));
        const lines = linesIn(shown);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          expect(["unpaid", "deposit_invoiced", "invoiced", "paid"]).toContain(line.payment_status);
        }
      });
    }
  }

  it("a viewer sees statuses (including a promoted one) but cannot change them", async () => {
    const api = client(app, keys.viewer);
    const lines = (await api.get(`/api/v1/opportunities/${deal.opportunity.id}/products`)).body.data;
    expect(lines.find((l: { id: string }) => l.id === deal.lines[1]?.id).payment_status).toBe("paid");
    const write = await api.patch(`/api/v1/opportunities/${deal.opportunity.id}/products/${deal.lines[1]?.id}`, {
      payment_status: "unpaid",
    });
    expect(write.status).toBe(403);
  });
});

describe("setting payment_status", () => {
  for (const who of ["crmOnly", "reader"] as const) {
    for (const base of ["/opportunities", "/deals"]) {
      it(`${base}: ${who} gets 403 naming invoices:write and nothing changes`, async () => {
        const api = client(app, keys[who]);
        const opp = `/api/v1${base}/${deal.opportunity.id}`;
        const lineId = deal.lines[2]?.id;
        const before = await client(app, keys.editor).get(`${opp}/products`);
        const history = await client(app, keys.editor).get(`${opp}/products/${lineId}/payment-status-history`);
        const patch = await api.patch(`${opp}/products/${lineId}`, { quantity: 9, payment_status: "paid" });
        const post = await api.post(`${opp}/products`, { product_id: deal.product.id, payment_status: "invoiced" });
        for (const res of [patch, post]) {
          expect(res.status).toBe(403);
          expect(res.body.error).toMatchObject({ code: "insufficient_scope", required_scope: "invoices:write" });
          expect(res.body.error.message).toContain("invoices:write");
        }
        expect((await client(app, keys.editor).get(`${opp}/products`)).body).toEqual(before.body);
        const after = await client(app, keys.editor).get(`${opp}/products/${lineId}/payment-status-history`);
        expect(after.body).toEqual(history.body);
      });
    }
  }

  it("with invoices:write, sets exactly the value asked in either direction and records it", async () => {
    const api = client(app, keys.editor);
    const opp = `/api/v1/deals/${deal.opportunity.id}`;
    const lineId = deal.lines[1]?.id;
    const down = await api.patch(`${opp}/products/${lineId}`, { payment_status: "deposit_invoiced", quantity: 4 });
    expect(down.body).toMatchObject({ payment_status: "deposit_invoiced", quantity: 4 });
    const created = await api.post(`${opp}/products`, { product_id: deal.recurring.id, payment_status: "invoiced" });
    expect(created.status).toBe(201);
    expect(created.body.payment_status).toBe("invoiced");
    const history = await api.get(`${opp}/products/${lineId}/payment-status-history`);
    expect(history.body.data).toMatchObject([
      { from: "unpaid", to: "paid", source: "stripe_payment", actor: { kind: "system", id: null } },
      { from: "paid", to: "deposit_invoiced", source: "manual", actor: { kind: "api_key" } },
    ]);
    expect(history.body.data[1].actor.id).toMatch(/^key_/);
    const createdHistory = await api.get(`${opp}/products/${created.body.id}/payment-status-history`);
    expect(createdHistory.body.data).toMatchObject([{ from: "unpaid", to: "invoiced", source: "manual" }]);
  });

  it("the history route needs invoices:read", async () => {
    const res = await client(app, keys.crmOnly).get(
      `/api/v1/opportunities/${deal.opportunity.id}/products/${deal.lines[0]?.id}/payment-status-history`,
    );
    expect(res.status).toBe(403);
    expect(res.body.error.required_scope).toBe("invoices:read");
  });
});
