import { pathToFileURL } from "node:url";
import { seedWorkspace } from "../tests/support/builders.ts";
import { benchDatabases, load, printTable, serveApp } from "./support.ts";

/** Authenticated GET /api/v1/members beside GET /health on the same server, in the same run. */
export async function runMembersBench(): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const { label, open } of benchDatabases()) {
    const database = await open();
    const ws = await seedWorkspace(database, "Bench");
    const server = await serveApp(database);
    const health = await load(`${server.url}/health`);
    const members = await load(`${server.url}/api/v1/members`, { authorization: `Bearer ${ws.apiKey}` });
    rows.push({ db: label, route: "GET /health (baseline)", ...health });
    rows.push({
      db: label,
      route: "GET /api/v1/members",
      ...members,
      vs_baseline: `${Math.round((members.rps / health.rps) * 100)}%`,
    });
    await server.close();
    await database.close();
  }
  printTable("Members list vs health", rows);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runMembersBench();
}
