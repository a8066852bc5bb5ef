import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import type { Database } from "../../src/db/client.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { createSecretBox } from "../../src/lib/secret-box.ts";
import { approveInvoice, createInvoice } from "../../src/modules/invoices/index.ts";
import { client, createTestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";

export const secrets = createSecretBox("automation tests secret key, 32+ characters long");

/** A clock ahead of the wall clock by a movable offset, so webhook backoff can be crossed without waiting. */
export function movableClock() {
  let offsetMs = 60_000;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  return { clock, advance: (ms: number) => (offsetMs += ms) };
}

/** Settle's app and real job runner over one test database, with a secret box for webhook secrets. */
export async function automationHarness(database: Database, clock: Clock) {
  const app = createTestApp(database, { secrets });
  const ws = await seedWorkspace(database);
  const runner = createJobRunner({
    db: database.db,
    clock,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    definitions: JOB_DEFINITIONS,
    secrets,
    concurrency: 4,
  });
  return {
    app,
    ws,
    api: client(app, ws.apiKey),
    async drain() {
      for (let i = 0; i < 100 && (await runner.drainOnce()) > 0; i++) {
        // a job may queue the next one
      }
    },
  };
}

/** An approved native invoice for the whole of a two-line deal whose primary contact has an email. */
export async function approvedDealInvoice(ctx: Parameters<typeof seedDeal>[0]) {
  const deal = await seedDeal(ctx, 2);
  const invoice = await createInvoice(ctx, { opportunity_id: deal.opportunity.id, portion: "full" });
  await approveInvoice(ctx, { id: invoice.id });
  return { deal, invoice };
}

export type Received = { headers: IncomingHttpHeaders; body: string; verified: unknown; error: string | null };

/**
 * A real HTTP receiver on loopback that checks each delivery's signature with the standardwebhooks package,
 * as a customer's endpoint would; `status` sets what it answers.
 */
export async function startReceiver() {
  const received: Received[] = [];
  let secret = "";
  let status = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified: unknown = null;
      let error: string | null = null;
      try {
        verified = new Webhook(secret).verify(body, request.headers as Record<string, string>);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      received.push({ headers: request.headers, body, verified, error });
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "receiver is down");
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/settle`,
    received,
    setSecret: (value: string) => (secret = value),
    setStatus: (value: number) => (status = value),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
