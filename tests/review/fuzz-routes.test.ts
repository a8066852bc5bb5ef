import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { approveInvoice, createInvoice } from "../../src/modules/invoices/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
let app: TestApp;
let key: string;
let ids: Record<string, string>;
let otherIds: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const ws = await seedWorkspace(database);
  const other = await seedWorkspace(database, "Other");
  key = ws.apiKey;
  const deal = await seedDeal(ws.ctx, 3);
  const inv = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "full" });
  await approveInvoice(ws.ctx, { id: inv.id });
  const odeal = await seedDeal(other.ctx, 2);
  ids = {
    opp: deal.opportunity.id,
    line: deal.lines[0]!.id,
    inv: inv.id,
    company: deal.company.id,
    contact: deal.contact.id,
    product: deal.product.id,
  };
  otherIds = {
    opp: odeal.opportunity.id,
    line: odeal.lines[0]!.id,
    company: odeal.company.id,
    contact: odeal.contact.id,
    product: odeal.product.id,
  };
});
afterAll(() => database.close());

const weird: unknown[] = [
  null,
  true,
  1e308,
  -1,
  2 ** 53,
  1.5,
  "NaN",
  "Infinity",
  "",
  "x".repeat(100_000),
  "\u0000",
  "a\u0000b",
  "😀".repeat(70),
  [],
  ["a"],
  {},
  { a: 1 },
  "-1",
  "1e5",
  "0.00001",
  "99999999999999999999",
  "\ud800",
  "9999999",
  "1000000.0001",
  "100.0001",
  100_000_000_001,
  "12.12345",
  1e-7,
  "99999",
  1000,
  "100000000000000000",
];

function base(path: string, method: string): Record<string, unknown> {
  if (path === "/companies") return { name: "Acme" };
  if (path === "/contacts") return { name: "Bob", company_id: ids.company };
  if (path === "/products") return { name: "P", unit_amount: 100, currency: "USD" };
  if (/^\/(opportunities|deals)$/.test(path)) return { name: "O", company_id: ids.company, currency: "USD" };
  if (path.endsWith("/products") && method === "post") return { product_id: ids.product };
  if (path.endsWith("/reorder")) return { line_ids: [ids.line] };
  if (path.endsWith("/invoices/preview") || path.endsWith("/invoices"))
    return {
      portion: "full",
      line_ids: [ids.line],
      confirm_double_billing: true,
      free_lines: [{ description: "x", unit_amount: 5, quantity: "2", tax_rate: "10" }],
    };
  if (path.endsWith("/payments")) return { amount: 1, paid_on: "2024-01-01", method: "cash" };
  if (path === "/roles") return { name: "R", scopes: [] };
  if (path === "/api-keys") return { name: "K", scopes: ["companies:read"] };
  if (path === "/members") return { email: "x@example.test", role_id: "role_x" };
  return {};
}

function mutate(schema: any, path: string, method: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const props = schema?.properties ?? {};
  const b = base(path, method);
  for (const name of Object.keys(props)) {
    for (const w of weird) out.push({ ...b, [name]: w });
    if (props[name]?.type === "array" || name === "free_lines") {
      for (const w of weird) out.push({ ...b, [name]: [w] });
      if (name === "free_lines")
        for (const k of ["description", "quantity", "unit_amount", "tax_rate"])
          for (const w of weird) out.push({ ...b, free_lines: [{ description: "x", unit_amount: 1, [k]: w }] });
      if (name === "line_ids")
        out.push({ ...b, line_ids: [otherIds.line] }, { ...b, line_ids: Array(500).fill(ids.line) });
    }
  }
  for (const w of Object.values(otherIds)) for (const name of Object.keys(props)) out.push({ ...b, [name]: w });
  return out;
}

/** The same body as text, as a form and as multipart: never a media type a JSON route takes. */
function mismatchedBodies(body: Record<string, unknown>): [string, string][] {
  const text = JSON.stringify(body);
  const form = new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, JSON.stringify(v)]));
  const part = (k: string, v: unknown) =>
    `--fz\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${JSON.stringify(v)}\r\n`;
  const multipart = `${Object.entries(body)
    .map(([k, v]) => part(k, v))
    .join("")}--fz--\r\n`;
  return [
    ["text/plain", text],
    ["text/plain; charset=utf-8", text],
    ["application/x-www-form-urlencoded", form.toString()],
    ["multipart/form-data; boundary=fz", multipart],
    ["multipart/form-data", text],
  ];
}

/**
 * SPEC §9 "bad input never gives a 500": every route in the OpenAPI document, with its own, another
 * workspace's and NUL ids, malformed query strings, each body field replaced by hostile values, and each body
 * sent as a media type other than JSON.
 */
it("no route answers 5xx to bad input", async () => {
  const c = client(app, key);
  const doc = (await c.get("/api/openapi.json")).body;
  const failures: string[] = [];
  const fill = (p0: string, set: Record<string, string>, fallback: string) => {
    const p = p0.replace("/api/v1", "");
    return (
      "/api/v1" +
      p
        .replace(
          "{id}",
          p.startsWith("/invoices")
            ? (set.inv ?? fallback)
            : p.startsWith("/companies")
              ? set.company!
              : p.startsWith("/contacts")
                ? set.contact!
                : p.startsWith("/products")
                  ? set.product!
                  : p.startsWith("/opportunities") || p.startsWith("/deals")
                    ? set.opp!
                    : fallback,
        )
        .replace("{lineId}", set.line ?? fallback)
        .replace(/\{[^}]+\}/g, fallback)
    );
  };
  for (const [path, methods] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const schemaRef = op.requestBody?.content?.["application/json"]?.schema;
      let schema = schemaRef;
      if (schemaRef?.$ref) schema = doc.components.schemas[schemaRef.$ref.split("/").pop()];
      const paths = [fill(path, ids, "zzz"), fill(path, otherIds, "yyy"), fill(path, {}, "%00")];
      const bodies: unknown[] = schema
        ? [
            "{not json",
            null,
            [],
            "str",
            5,
            base(path.replace("/api/v1", ""), method),
            ...mutate(schema, path.replace("/api/v1", ""), method),
          ]
        : [undefined];
      for (const p of paths) {
        // A body the route would take as JSON, sent as another media type: a 4xx with the envelope.
        for (const [type, raw] of schema ? mismatchedBodies(base(path.replace("/api/v1", ""), method)) : []) {
          const r = await c.call(method.toUpperCase(), p, raw, { "content-type": type });
          if (r.status >= 500 || r.status < 400 || typeof r.body?.error?.request_id !== "string")
            failures.push(`${method} ${p} as ${type} -> ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        }
        const queries = [
          "",
          "?limit=abc",
          "?limit=1e308",
          "?cursor=abc",
          "?cursor=%00",
          "?q=%00",
          "?stage=%00",
          "?company_id=%00",
          "?cursor=YV8x",
          "?limit=1&limit=2",
          "?expand=products&expand=products",
          "?status=x&status=y",
          `?cursor=${Buffer.from("a_\u0000").toString("base64url")}`,
          `?cursor=${Buffer.from("opportunity_zz").toString("base64url")}`,
        ];
        for (const q of method === "get" ? queries : [""]) {
          for (const b of bodies) {
            const r = await c.call(method.toUpperCase(), `${p}${q}`, b);
            if (r.status >= 500)
              failures.push(
                `${method} ${p}${q} ${JSON.stringify(b)?.slice(0, 80)} -> ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`,
              );
          }
        }
      }
    }
  }
  expect(failures.slice(0, 50)).toEqual([]);
}, 600_000);
