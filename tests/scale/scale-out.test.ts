import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exited, SETTLE_BIN, settle, startSettle } from "../support/process.ts";

/**
 * Two API processes and two workers on one PostgreSQL database, as a scaled-out deployment runs them. Only
 * with TEST_DATABASE_URL: the embedded database allows one process per data directory.
 */
const baseUrl = process.env.TEST_DATABASE_URL;
const RATE_LIMIT = 120;
const INVOICE_JOB = "invoices.changed";

type Api = { url: string; child: ChildProcess; output: () => string };
type Worker = { id: string; child: ChildProcess; output: () => string };

let databaseUrl = "";
let databaseName = "";
let dataDir = "";
let db: pg.Client;
const children: ChildProcess[] = [];

async function startWorker(name: string): Promise<Worker> {
  const child = spawn(process.execPath, [SETTLE_BIN, "worker", "--concurrency", "2"], {
    // PGAPPNAME labels the worker's database sessions, so the test can watch them in pg_stat_activity.
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "info", PGAPPNAME: name, DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  for (let i = 0; i < 600; i++) {
    const id = /"worker_id":"(wrk_[^"]+)"/.exec(output)?.[1];
    if (id) return { id, child, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`settle worker did not start: ${output}`);
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, seconds = 120): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function client(api: Api, key: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as any) : null };
  };
}

async function rows<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(query, params)).rows as T[];
}

beforeAll(async () => {
  if (!baseUrl) return;
  databaseName = `settle_scale_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  // A session whose client vanished ends within a second even while it waits on a lock, as TCP keepalives
  // would end it in production after longer: a killed worker's uncommitted work is rolled back.
  await admin.query(`alter database ${databaseName} set client_connection_check_interval = '500ms'`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
  dataDir = mkdtempSync(join(tmpdir(), "settle-scale-"));
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
}, 60_000);

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited(child);
    }
  }
  if (!baseUrl) return;
  await db?.end();
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe.skipIf(!baseUrl)(
  "scale-out on PostgreSQL (skipped without TEST_DATABASE_URL: the embedded database allows one process)",
  () => {
    it("two APIs and two workers: a killed worker loses no job, none runs twice, the survivor drains the queue", async () => {
      await settle(["migrate"], { DATABASE_URL: databaseUrl });
      const created = JSON.parse(
        (
          await settle(
            [
              "workspace",
              "create",
              "--name",
              "Scale",
              "--admin-email",
              "owner@scale.test",
              "--admin-password",
              "long enough password",
              "--json",
            ],
            { DATABASE_URL: databaseUrl },
          )
        ).stdout.trim(),
      ) as { api_key: string };
      const apiEnv = {
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        SETTLE_WORKER: "0",
        SETTLE_DEMO: "0",
        SETTLE_SANDBOXES: "0",
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      };
      const apis: Api[] = await Promise.all([startSettle(apiEnv), startSettle(apiEnv)]);
      for (const api of apis) children.push(api.child);
      const [a, b] = await Promise.all([startWorker("settle-worker-a"), startWorker("settle-worker-b")]);
      const calls = apis.map((api) => client(api, created.api_key));
      const via = (i: number) => calls[i % 2] as ReturnType<typeof client>;

      // Every write below enqueues one invoices.changed job in its transaction; `expected` counts them.
      let expected = 0;
      const write = async (i: number, path: string, body: unknown, status: number) => {
        const res = await via(i)("POST", path, body);
        expect(res.status, JSON.stringify(res.body)).toBe(status);
        expected += 1;
        return res.body;
      };

      const company = await via(0)("POST", "/api/v1/companies", { name: "Harbour Dental" });
      const product = await via(1)("POST", "/api/v1/products", {
        name: "Website build",
        unit_amount: 250_000,
        currency: "USD",
        tax_rate: "12.5",
      });
      const deals: { id: string; lineId: string; invoiced: number; paid: number; invoices: any[] }[] = [];
      for (let i = 0; i < 8; i++) {
        const opp = await via(i)("POST", "/api/v1/opportunities", {
          name: `Deal ${i}`,
          company_id: company.body.id,
          currency: "USD",
        });
        expect(opp.status).toBe(201);
        const line = await via(i + 1)("POST", `/api/v1/opportunities/${opp.body.id}/products`, {
          product_id: product.body.id,
          quantity: 1 + i,
        });
        expect(line.status).toBe(201);
        deals.push({ id: opp.body.id, lineId: line.body.id, invoiced: 0, paid: 0, invoices: [] });
      }
      const invoice = async (i: number) => {
        const deal = deals[i % deals.length];
        if (!deal) throw new Error("no deal");
        const body = await write(
          i,
          `/api/v1/opportunities/${deal.id}/invoices`,
          { portion: "full", line_ids: [deal.lineId], confirm_double_billing: true },
          201,
        );
        deal.invoices.push(body);
        return body;
      };
      const approve = async (i: number, inv: any) => {
        await write(i, `/api/v1/invoices/${inv.id}/approve`, {}, 200);
        const deal = deals.find((d) => d.id === inv.opportunity_id);
        if (deal) deal.invoiced += inv.total_amount;
      };
      const pay = async (i: number, inv: any, amount: number) => {
        await write(i, `/api/v1/invoices/${inv.id}/payments`, { amount, paid_on: "2026-01-15", method: "cash" }, 200);
        const deal = deals.find((d) => d.id === inv.opportunity_id);
        if (deal) deal.paid += amount;
      };

      // Both APIs write while both workers run.
      const first = await Promise.all(deals.map((_, i) => invoice(i)));
      await Promise.all(first.map((inv, i) => approve(i + 1, inv)));
      await Promise.all(first.map((inv, i) => pay(i, inv, 1_000)));

      // Jobs now wait on a table lock inside their handlers, so each worker is caught holding jobs mid-run.
      const lock = new pg.Client({ connectionString: databaseUrl });
      await lock.connect();
      await lock.query("begin");
      await lock.query("lock table opportunity_invoice_totals in exclusive mode");
      const second = await Promise.all(deals.map((_, i) => invoice(i + 1)));
      await Promise.all(second.map((inv, i) => approve(i, inv)));
      const running = (worker: Worker) =>
        rows<{ id: string }>("select id from jobs where status = 'running' and locked_by = $1", [worker.id]);
      await until(
        "both workers hold running jobs",
        async () => (await running(a)).length > 0 && (await running(b)).length > 0,
      );

      a.child.kill("SIGKILL");
      await exited(a.child);
      const orphaned = (await running(a)).map((r) => r.id);
      expect(orphaned.length).toBeGreaterThan(0);
      // The database ends the dead worker's sessions, rolling back what its handlers had not committed.
      await until(
        "the killed worker's database sessions end",
        async () =>
          (
            await rows<{ n: number }>("select count(*)::int as n from pg_stat_activity where application_name = $1", [
              "settle-worker-a",
            ])
          )[0]?.n === 0,
      );
      await lock.query("commit");
      await lock.end();

      // Writes go on through both APIs with one worker left.
      await Promise.all(first.map((inv, i) => pay(i + 1, inv, inv.total_amount - 1_000)));
      await Promise.all(second.map((inv, i) => pay(i, inv, 500)));
      await Promise.all(deals.map((_, i) => invoice(i))); // drafts: invoiced stays as it was

      // A dead worker's jobs are claimed again once their lock is older than the lock timeout (5 minutes);
      // their lock time is moved back instead of waiting that long.
      await db.query(
        "update jobs set locked_at = locked_at - interval '1 hour' where status = 'running' and locked_by = $1",
        [a.id],
      );
      await until("the survivor drains the queue", async () => {
        const [left] = await rows<{ n: number }>(
          "select count(*)::int as n from jobs where name = $1 and status <> 'succeeded'",
          [INVOICE_JOB],
        );
        return left?.n === 0;
      });

      const jobRows = await rows<{ id: string; status: string; attempts: number; locked_by: string }>(
        "select id, status, attempts, locked_by from jobs where name = $1",
        [INVOICE_JOB],
      );
      // None lost: one succeeded job per write.
      expect(jobRows).toHaveLength(expected);
      expect(jobRows.every((j) => j.status === "succeeded")).toBe(true);
      // None ran twice: only the jobs the killed worker held were claimed again, once, by the survivor.
      for (const job of jobRows) {
        if (orphaned.includes(job.id)) {
          expect(job).toMatchObject({ attempts: 2, locked_by: b.id });
        } else {
          expect(job.attempts).toBe(1);
          expect([a.id, b.id]).toContain(job.locked_by);
        }
      }
      expect(jobRows.filter((j) => j.locked_by === b.id).length).toBeGreaterThan(0);

      // The job's effect is right on every opportunity, read through either API.
      for (const [i, deal] of deals.entries()) {
        const summary = await via(i)("GET", `/api/v1/opportunities/${deal.id}/invoice-summary`);
        expect(summary.body).toMatchObject({ invoiced_amount: deal.invoiced, paid_amount: deal.paid });
      }

      // Rate limits are per process: a fresh key gets the full budget from each API.
      const key = await via(0)("POST", "/api/v1/api-keys", { name: "burst", scopes: "full_access" });
      expect(key.status).toBe(201);
      for (const api of apis) {
        const call = client(api, key.body.key);
        const first = await call("GET", "/api/v1/me");
        expect(first.status).toBe(200);
        expect(first.headers.get("x-ratelimit-remaining")).toBe(String(RATE_LIMIT - 1));
        for (let n = 1; n < RATE_LIMIT; n++) {
          expect((await call("GET", "/api/v1/me")).status).toBe(200);
        }
        const over = await call("GET", "/api/v1/me");
        expect(over.status).toBe(429);
        expect(over.body.error.code).toBe("rate_limited");
        expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }, 600_000);
  },
);
