import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { serveTestApp } from "../support/http-app.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * One keep-alive connection, reused for every request: a request answered before its body was read must not
 * cost the next request its connection ("other side closed").
 */
let database: Database;
let server: Awaited<ReturnType<typeof serveTestApp>>;
let agent: Agent;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await serveTestApp(database, { loginRateLimitPerMinute: 100_000 });
  agent = new Agent({ connections: 1, pipelining: 1, keepAliveTimeout: 60_000 });
});
afterAll(async () => {
  await agent.close();
  await server.close();
  await database.close();
});

const json = { "content-type": "application/json" };
const rejected: [string, string, string, Record<string, string>][] = [
  ["body over the limit (413)", "/api/v1/session", "x".repeat(2 * 1024 * 1024), json],
  ["not JSON (415)", "/api/v1/session", "x".repeat(300_000), { "content-type": "text/plain" }],
  ["no credentials (401)", "/api/v1/companies", JSON.stringify({ name: "y".repeat(200_000) }), json],
  ["unknown route (404)", "/api/v1/nowhere", "z".repeat(200_000), json],
];

describe("a keep-alive client", () => {
  it("keeps its connection through requests rejected before their body was read", async () => {
    const failures: string[] = [];
    for (let round = 0; round < 5; round++) {
      for (const [name, path, body, headers] of rejected) {
        try {
          const refused = await request(`${server.origin}${path}`, {
            method: "POST",
            body,
            headers,
            dispatcher: agent,
          });
          await refused.body.text();
          expect(refused.statusCode).toBeGreaterThanOrEqual(400);
          const next = await request(`${server.origin}/health`, { dispatcher: agent });
          expect(next.statusCode).toBe(200);
          await next.body.text();
        } catch (error) {
          failures.push(`${name}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
