import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";
import { createXeroSandbox } from "../src/sandboxes/xero/index.ts";
import { printTable } from "./support.ts";

const TENANT = "a3f1c0de-0001-4e1a-9c55-5e771e000001";
const DURATION_SECONDS = 5;
const UNLIMITED = { concurrent: 1_000, perMinute: 1e9, perDay: 1e9, appPerMinute: 1e9 };

async function run(url: string, headers: Record<string, string>, method: "GET" | "PUT" = "GET", body?: string) {
  const result = await autocannon({ url, method, headers, body, connections: 10, duration: DURATION_SECONDS });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Throughput of the sandbox over real HTTP on 127.0.0.1, with the rate limits lifted. */
export async function runXeroSandboxBench(): Promise<Record<string, unknown>> {
  let handler: (request: Request, env: unknown) => Response | Promise<Response> = () =>
    new Response(null, { status: 503 });
  const server = serve({ fetch: (request, env) => handler(request, env), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sandbox = createXeroSandbox({ publicUrl: `${origin}/sandbox/xero`, limits: UNLIMITED });
  const root = new Hono();
  root.route("/sandbox/xero", sandbox.app);
  handler = (request, env) => root.fetch(request, env);
  try {
    const seedOrg = sandbox.admin.seedOrganisation({
      name: "Bench Org",
      organisationId: TENANT.replace("0001", "0099"),
    });
    const seedStarted = performance.now();
    const seeded = sandbox.admin.seedInvoices(seedOrg.organisationId, 10_000);
    const seedMs = Math.round(performance.now() - seedStarted);
    sandbox.admin.seedInvoices(TENANT, 1_000);

    const token = (await fetch(`${sandbox.urls.identity_url}/connect/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.credentials.client_id}:${sandbox.credentials.client_secret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    }).then((r) => r.json())) as { access_token: string };
    const headers = {
      authorization: `Bearer ${token.access_token}`,
      "xero-tenant-id": TENANT,
      accept: "application/json",
      "content-type": "application/json",
    };
    const api = `${sandbox.urls.api_url}/api.xro/2.0`;
    const contactId = Object.keys(sandbox.admin.organisation(TENANT)?.contacts ?? {})[0];

    const baseline = await run(`${api}/Organisation`, headers);
    const invoice = JSON.stringify({
      Invoices: [
        {
          Type: "ACCREC",
          Contact: { ContactID: contactId },
          Date: "2025-01-01",
          DueDate: "2025-01-31",
          Status: "AUTHORISED",
          LineItems: [{ Description: "Consulting", Quantity: 2, UnitAmount: 150, AccountCode: "200" }],
        },
      ],
    });
    const createInvoice = await run(`${api}/Invoices?summarizeErrors=false`, headers, "PUT", invoice);
    const pageRead = await run(`${api}/Invoices?page=1&pageSize=1000`, headers);
    printTable(`Xero sandbox over HTTP (${DURATION_SECONDS} s per run; 10,000 invoices seeded in ${seedMs} ms)`, [
      { call: "GET /Organisation (baseline)", ...baseline },
      { call: "PUT /Invoices (one invoice)", ...createInvoice },
      { call: "GET /Invoices pageSize=1000", ...pageRead },
    ]);
    return {
      durationSecondsPerRun: DURATION_SECONDS,
      baselineGetOrganisation: baseline,
      createInvoice,
      readInvoicePage1000: pageRead,
      seed10kInvoices: { invoices: seeded, ms: seedMs },
    };
  } finally {
    await sandbox.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runXeroSandboxBench();
  process.exit(0);
}
