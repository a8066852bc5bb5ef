import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Agent, type Dispatcher, request } from "undici";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { seedWorkspace } from "../tests/support/builders.ts";
import { printTable, serveApp } from "./support.ts";

/**
 * A schema-driven fuzz over ONE reused keep-alive connection: every OpenAPI operation in turn, with a
 * well-formed body, a body of the wrong content type, an oversized body, or none, interleaved with
 * /health. Counts requests whose connection the server closed under the client ("other side closed"):
 * the figure must be 0. BENCH_FUZZ_REQUESTS (default 50,000) sets the count.
 */
export async function runKeepAliveBench(): Promise<Record<string, unknown>[]> {
  const total = Number(process.env.BENCH_FUZZ_REQUESTS ?? 50_000);
  const database = await openDatabase({ pglite: await PGlite.create() });
  await migrateDatabase(database);
  const ws = await seedWorkspace(database, "Fuzz");
  const server = await serveApp(database);
  const agent = new Agent({ connections: 1, pipelining: 1, keepAliveTimeout: 60_000 });
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method: method.toUpperCase(),
      path: `/api/v1${path.replace(/\{[^}]+\}/g, "x_1")}`.replace("/api/v1/api/v1", "/api/v1"),
    })),
  );
  const bodies: [string | undefined, Record<string, string>][] = [
    [JSON.stringify({ name: "fuzz" }), { "content-type": "application/json" }],
    ["name=fuzz", { "content-type": "application/x-www-form-urlencoded" }],
    ["x".repeat(1_200_000), { "content-type": "application/json" }],
    ["{not json", { "content-type": "application/json" }],
    [undefined, {}],
  ];
  const statuses = new Map<number, number>();
  let dropped = 0;
  let serverErrors = 0;
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const op = operations[i % operations.length];
    const [body, headers] = bodies[Math.floor(i / operations.length) % bodies.length] ?? [undefined, {}];
    const health = i % 2 === 1;
    try {
      const res = await request(`${server.url}${health || !op ? "/health" : op.path}`, {
        method: (health || !op ? "GET" : op.method) as Dispatcher.HttpMethod,
        dispatcher: agent,
        headers: {
          authorization: `Bearer ${ws.apiKey}`,
          ...(health || !op || op.method === "GET" || op.method === "DELETE" ? {} : headers),
        },
        ...(health || !op || op.method === "GET" || op.method === "DELETE" || body === undefined ? {} : { body }),
      });
      await res.body.text();
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) serverErrors++;
    } catch {
      dropped++;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  await agent.close();
  await server.close();
  await database.close();
  const rows = [
    {
      requests: total,
      seconds: Math.round(seconds),
      dropped_connections: dropped,
      "5xx": serverErrors,
      statuses: [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}:${n}`)
        .join(" "),
    },
  ];
  printTable("Keep-alive fuzz over one reused connection", rows);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runKeepAliveBench();
  process.exit(0);
}
