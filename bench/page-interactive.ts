import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page, type Request } from "playwright-core";
import { freePort } from "../tests/support/process.ts";
import { printTable } from "./support.ts";

/**
 * How long the opportunity page takes to become usable in Chromium: from `page.goto` until the Products card
 * shows every line, the Invoices section every invoice, and "New invoice" can be clicked. An opportunity with
 * 200 product lines and 20 invoices (drafts, sent, paid and voided) beside an empty one, in the same browser
 * and server, signed in as the demo admin (every button shown). Seeded through the API.
 *
 * `npx tsx bench/page-interactive.ts [checkout …]` measures those checkouts (each with its own node_modules)
 * instead of this one, in one run; each one's web app is built first if its sources changed.
 * BENCH_PAGE_RUNS (default 7) sets how many timed loads of each opportunity the medians are taken over.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 7);
const LINES = 200;
const INVOICES = 20;

type Server = { url: string; dataDir: string; child: ChildProcess };

export async function startServer(root: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "settle-bench-page-"));
  const child = spawn(process.execPath, [join(root, "bin/settle.js"), "start"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      LOG_LEVEL: "warn",
      SETTLE_DEMO: "1",
      // Seeding is several hundred requests from one session within a minute.
      RATE_LIMIT_PER_MINUTE: "100000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, dataDir, child };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`settle start did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode === null) {
    const exited = new Promise((r) => server.child.once("exit", r));
    server.child.kill("SIGTERM");
    await exited;
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** The API from inside the signed-in page, so its session cookie and CSRF token apply. */
async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const { status, json } = await page.evaluate(
    async ({ method, path, body }) => {
      const me = (await fetch("/api/v1/me").then((r) => r.json())) as { csrf_token?: string };
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": me.csrf_token ?? "" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
  if (status >= 300) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(json)}`);
  return json as T;
}

/** An opportunity with LINES product lines over 20 products, and INVOICES full invoices of 10 lines each. */
export async function seed(page: Page): Promise<{ big: string; empty: string }> {
  const company = await call<{ id: string }>(page, "POST", "/companies", { name: "Bench Holdings" });
  const products: string[] = [];
  for (let i = 0; i < 20; i++) {
    const product = await call<{ id: string }>(page, "POST", "/products", {
      name: `Bench product ${i + 1}`,
      unit_amount: 10_000 + i * 1_250,
      currency: "USD",
      deposit_percent: i % 3 === 0 ? 30 : 0,
      tax_rate: 15,
    });
    products.push(product.id);
  }
  const opportunity = (name: string) =>
    call<{ id: string }>(page, "POST", "/opportunities", { name, company_id: company.id, currency: "USD" });
  const big = (await opportunity("Bench: 200 lines, 20 invoices")).id;
  const empty = (await opportunity("Bench: empty")).id;
  const lineIds: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const line = await call<{ id: string }>(page, "POST", `/opportunities/${big}/products`, {
      product_id: products[i % products.length],
      quantity: (i % 5) + 1,
    });
    lineIds.push(line.id);
  }
  const perInvoice = LINES / INVOICES;
  for (let i = 0; i < INVOICES; i++) {
    const invoice = await call<{ id: string }>(page, "POST", `/opportunities/${big}/invoices`, {
      portion: "full",
      line_ids: lineIds.slice(i * perInvoice, (i + 1) * perInvoice),
    });
    if (i % 4 === 0) continue; // a draft
    const sent = await call<{ amount_due_amount: number }>(page, "POST", `/invoices/${invoice.id}/approve`);
    if (i % 4 === 2) {
      await call(page, "POST", `/invoices/${invoice.id}/payments`, {
        amount: sent.amount_due_amount,
        paid_on: new Date().toISOString().slice(0, 10),
        method: "bank_transfer",
      });
    } else if (i % 4 === 3) {
      await call(page, "POST", `/invoices/${invoice.id}/void`);
    }
  }
  return { big, empty };
}

type Sample = { ms: number; apiDoneMs: number; requests: number };

/**
 * Milliseconds from navigation until every line and invoice is shown and "New invoice" takes a click, and
 * until the last API answer the page asked for had arrived (the rest is the browser's: script, render, layout).
 */
async function timeLoad(page: Page, url: string, lines: number, invoices: number): Promise<Sample> {
  let requests = 0;
  let lastAnswer = 0;
  const asked = (request: Request) => {
    if (request.url().includes("/api/v1/")) requests++;
  };
  const answered = (request: Request) => {
    if (request.url().includes("/api/v1/")) lastAnswer = Date.now();
  };
  page.on("request", asked);
  page.on("requestfinished", answered);
  const started = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  const products = page.getByTestId("products-card");
  const invoicesSection = page.getByTestId("invoices-section");
  if (lines > 0) {
    await products
      .getByTestId("line-row")
      .nth(lines - 1)
      .waitFor();
  } else {
    await products.getByTestId("empty-state").waitFor();
  }
  if (invoices > 0) {
    await invoicesSection
      .getByTestId("invoice-card")
      .nth(invoices - 1)
      .waitFor();
  } else {
    await invoicesSection.getByTestId("empty-state").waitFor();
  }
  await page.getByTestId("new-invoice").click({ trial: true });
  const ms = Date.now() - started;
  page.off("request", asked);
  page.off("requestfinished", answered);
  const shown = await products.getByTestId("line-row").count();
  if (shown !== lines) throw new Error(`expected ${lines} lines on the page, saw ${shown}`);
  return { ms, apiDoneMs: lastAnswer - started, requests };
}

async function failure(page: Page, label: string, error: unknown): Promise<never> {
  const shot = join(tmpdir(), "settle-bench-page-failure.png");
  await page.screenshot({ path: shot, fullPage: true });
  const seen = `${await page.getByTestId("line-row").count()} lines, ${await page.getByTestId("invoice-card").count()} invoices`;
  const section = await page
    .getByTestId("invoices-section")
    .textContent()
    .catch(() => null);
  throw new Error(`${label}: ${seen} on the page (${shot}); Invoices: ${(section ?? "").slice(0, 500)}`, {
    cause: error,
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

type Case = { root: string; label: string; url: string; lines: number; invoices: number; samples: Sample[] };

/** A server for the checkout (its web app built if needed), the demo admin signed in, and both opportunities. */
async function prepareCheckout(browser: Browser, root: string) {
  spawnSync("sh", ["scripts/build.sh", "--if-changed"], { cwd: root, stdio: "inherit" });
  const server = await startServer(root);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const admin = JSON.parse(readFileSync(join(server.dataDir, "demo-credentials.json"), "utf8")).admin as {
    email: string;
    password: string;
  };
  await page.goto(`${server.url}/`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("sign-out").waitFor();
  const { big, empty } = await seed(page);
  const opportunity = (id: string) => `${server.url}/opportunities/${id}`;
  const cases: Case[] = [
    { root, label: "empty opportunity", url: opportunity(empty), lines: 0, invoices: 0, samples: [] },
    {
      root,
      label: `${LINES} lines, ${INVOICES} invoices`,
      url: opportunity(big),
      lines: LINES,
      invoices: INVOICES,
      samples: [],
    },
  ];
  return {
    page,
    cases,
    close: async () => {
      await context.close();
      await stopServer(server);
    },
  };
}

export async function runPageInteractiveBench(roots: string[] = [ROOT]): Promise<Record<string, unknown>[]> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking"],
  });
  const checkouts: Awaited<ReturnType<typeof prepareCheckout>>[] = [];
  try {
    for (const root of roots) {
      checkouts.push(await prepareCheckout(browser, root));
    }
    // Checkouts and opportunities take turns, so a busy moment on the machine falls on all of them alike.
    for (let run = -1; run < RUNS; run++) {
      for (const { page, cases } of checkouts) {
        for (const c of cases) {
          const sample = await timeLoad(page, c.url, c.lines, c.invoices).catch((error) =>
            failure(page, c.label, error),
          );
          if (run >= 0) c.samples.push(sample); // the first load of each warms the caches
        }
      }
    }
  } finally {
    for (const checkout of checkouts) await checkout.close();
    await browser.close();
  }
  const rows = checkouts.flatMap(({ cases }) =>
    cases.map((c) => {
      const ms = c.samples.map((s) => s.ms);
      return {
        ...(roots.length > 1 ? { checkout: c.root } : {}),
        opportunity: c.label,
        median_ms: median(ms),
        min_ms: Math.min(...ms),
        max_ms: Math.max(...ms),
        api_answered_median_ms: median(c.samples.map((s) => s.apiDoneMs)),
        api_requests: median(c.samples.map((s) => s.requests)),
      };
    }),
  );
  printTable(`Opportunity page until usable in Chromium (median of ${RUNS} loads)`, rows);
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const roots = process.argv.slice(2).map((root) => resolve(root));
  await runPageInteractiveBench(roots.length > 0 ? roots : [ROOT]);
  process.exit(0);
}
