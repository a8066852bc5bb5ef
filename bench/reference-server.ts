// A bare reference for the hot read: Hono and the database driver alone, running the two queries the
// product-lines route needs (the key by its hash; the lines joined to their product names) on Settle's own
// tables and data. No validation, scopes, mapping or middleware: the floor Settle is measured against.
import type { AddressInfo } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type pg from "pg";
import type { Database } from "../src/db/client.ts";
import { sha256 } from "../src/lib/secrets.ts";

type Query = (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const KEY_BY_HASH = "select id, workspace_id, scopes from api_keys where key_hash = $1 and revoked_at is null";
const LINES = `select l.*, p.name as product_name
  from product_lines l join products p on p.id = l.product_id
  where l.workspace_id = $1 and l.opportunity_id = $2
  order by l.sort_order, l.id`;

function driverOf(database: Database): Query {
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client as unknown as {
    query: Query;
  };
  return (text, params) => client.query(text, params);
}

export async function serveReference(database: Database): Promise<{ url: string; close: () => Promise<void> }> {
  const query = driverOf(database);
  const app = new Hono();
  app.get("/api/v1/opportunities/:id/products", async (c) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
    const [key] = match?.[1] ? (await query(KEY_BY_HASH, [sha256(match[1])])).rows : [];
    if (!key) {
      return c.json({ error: "unauthorized" }, 401);
    }
    const { rows } = await query(LINES, [key.workspace_id, c.req.param("id")]);
    return c.json({ data: rows, has_more: false, next_cursor: null });
  });
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
