import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { loadBranding } from "../../src/modules/branding/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { solidPng } from "./pdf-support.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  ws = await seedWorkspace(database, "Branding Co");
  api = client(app, ws.apiKey);
});
afterAll(() => database.close());

const putLogo = (bytes: Buffer | string, key = ws.apiKey) =>
  client(app, key).call("PUT", "/api/v1/branding/logo", {
    data_base64: typeof bytes === "string" ? bytes : bytes.toString("base64"),
  });

describe("branding", () => {
  it("starts from the workspace's name and the default accent colour", async () => {
    const res = await api.get("/api/v1/branding");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      display_name: null,
      name: "Branding Co",
      address: null,
      tax_number: null,
      payment_terms: null,
      accent_color: "#2f6fed",
      reply_to: null,
      logo: null,
      updated_at: null,
    });
  });

  it("saves the given fields and clears one with an empty string", async () => {
    const saved = await api.patch("/api/v1/branding", {
      display_name: "Branding Company Ltd",
      address: "1 Main Road\nWellington",
      tax_number: "NZBN 9429000000000",
      payment_terms: "Net 20",
      accent_color: "#AA3300",
      reply_to: "accounts@example.test",
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      name: "Branding Company Ltd",
      accent_color: "#aa3300",
      reply_to: "accounts@example.test",
    });
    const cleared = await api.patch("/api/v1/branding", { tax_number: "" });
    expect(cleared.body).toMatchObject({ tax_number: null, address: "1 Main Road\nWellington" });
    const loaded = await loadBranding(database.db, ws.workspaceId);
    expect(loaded).toMatchObject({ name: "Branding Company Ltd", paymentTerms: "Net 20", taxNumber: null });
  });

  it("refuses a bad colour, a bad reply-to, over-long text and unknown fields, naming the field", async () => {
    for (const [body, field] of [
      [{ accent_color: "red" }, "accent_color"],
      [{ accent_color: "#12345" }, "accent_color"],
      [{ accent_color: "#1234567" }, "accent_color"],
      [{ reply_to: "not an address\r\nBcc: x@example.test" }, "reply_to"],
      [{ display_name: "x".repeat(201) }, "display_name"],
      [{ logo: "abc" }, "logo"],
    ] as const) {
      const res = await api.patch("/api/v1/branding", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect((await api.get("/api/v1/branding")).body.accent_color).toBe("#aa3300");
  });

  it("takes a PNG logo, serves it back, and removes it", async () => {
    const png = solidPng(64, 32, [200, 40, 40]);
    const res = await putLogo(png);
    expect(res.status).toBe(200);
    expect(res.body.logo).toMatchObject({ mime_type: "image/png", size_bytes: png.length });
    const served = await app.request(res.body.logo.url, { headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

    const removed = await api.delete("/api/v1/branding/logo");
    expect(removed.status).toBe(200);
    expect(removed.body.logo).toBeNull();
    expect((await api.get("/api/v1/branding/logo")).status).toBe(404);
  });

  it("refuses logos that are not PNG or JPEG by their bytes, damaged, or over 512 KiB", async () => {
    const gif = Buffer.from("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;", "latin1");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const damaged = Buffer.concat([solidPng(10, 10, [0, 0, 0]).subarray(0, 40), Buffer.alloc(20)]);
    // A valid PNG signature followed by filler: the size alone refuses it.
    const huge = Buffer.concat([solidPng(1, 1, [0, 0, 0]), Buffer.alloc(513 * 1024)]);
    for (const [bytes, message] of [
      [gif, /PNG or JPEG/],
      [svg, /PNG or JPEG/],
      [damaged, /readable PNG/],
      [huge, /512 KiB/],
      ["@@not base64@@", /base64/],
    ] as const) {
      const res = await putLogo(bytes);
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].field).toBe("data_base64");
      expect(res.body.error.issues[0].message).toMatch(message);
    }
    expect((await api.get("/api/v1/branding")).body.logo).toBeNull();
  });

  it("needs invoices:read to read and settings:write to change", async () => {
    const reader = await keyWithScopes(database, ws, ["invoices:read"]);
    const blind = await keyWithScopes(database, ws, ["opportunities:read"]);
    expect((await client(app, reader).get("/api/v1/branding")).status).toBe(200);
    const denied = await client(app, reader).patch("/api/v1/branding", { accent_color: "#000000" });
    expect(denied.status).toBe(403);
    expect(denied.body.error.required_scope).toBe("settings:write");
    expect((await putLogo(solidPng(2, 2, [0, 0, 0]), reader)).status).toBe(403);
    expect((await client(app, reader).delete("/api/v1/branding/logo")).status).toBe(403);
    expect((await client(app, blind).get("/api/v1/branding")).status).toBe(403);
    expect((await client(app, blind).get("/api/v1/branding/logo")).status).toBe(403);
  });

  it("keeps each workspace's branding to itself", async () => {
    const other = await seedWorkspace(database, "Other Co");
    const theirs = await client(app, other.apiKey).get("/api/v1/branding");
    expect(theirs.body).toMatchObject({ name: "Other Co", accent_color: "#2f6fed", payment_terms: null });
  });

  it("audits what invoices show, with old and new values, and who changed it; a save that changes nothing is not logged", async () => {
    const audited = async () =>
      (await api.get("/api/v1/audit-events?action=branding.updated&limit=100")).body.data as Array<{
        details: { changes: Record<string, { from: string | null; to: string | null }> };
        actor: { kind: string };
      }>;
    const before = (await audited()).length;
    await api.patch("/api/v1/branding", { payment_terms: "Pay to 12-3456-7890123-00" });
    await api.patch("/api/v1/branding", { payment_terms: "Pay to 99-9999-9999999-99" });
    await api.patch("/api/v1/branding", { payment_terms: "Pay to 99-9999-9999999-99" });
    await putLogo(solidPng(10, 10, [1, 2, 3]));
    const events = await audited();
    expect(events).toHaveLength(before + 3);
    expect(events[1]?.details.changes).toEqual({
      payment_terms: { from: "Pay to 12-3456-7890123-00", to: "Pay to 99-9999-9999999-99" },
    });
    expect(events[0]?.details.changes.logo?.to).toBe("set");
    expect(events[0]?.actor.kind).toBe("api_key");
  });
});
