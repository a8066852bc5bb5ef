import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import { createSandboxMounts, type SandboxMounts } from "../../src/runtime/sandbox-mounts.ts";
import { stripeSandboxCredentials } from "../../src/sandboxes/stripe/index.ts";
import { DEMO_APP } from "../../src/sandboxes/xero/identity/demo-app.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * The sandboxes over HTTP through Settle's own app, mounted exactly as `settle start` mounts them: off means
 * every /sandbox path is an unknown path; on means the console and its API need the console token, while
 * the wire APIs stay as open as Xero's (behind OAuth).
 */
const NZ = "a3f1c0de-0001-4e1a-9c55-5e771e000001";
const PUBLIC_URL = "http://localhost:3000";

let database: Database;
const dirs: string[] = [];
const opened: SandboxMounts[] = [];

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "settle-sandbox-access-"));
  dirs.push(dir);
  return dir;
}

async function settle(env: Record<string, string>, extra: { webDistDir?: string } = {}) {
  const config = loadConfig({ PUBLIC_URL, ...env });
  const sandboxes = await createSandboxMounts(config);
  opened.push(sandboxes);
  return { config, sandboxes, app: createTestApp(database, { mounts: sandboxes.mounts, ...extra }) };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const sandboxes of opened) await sandboxes.close();
  await database.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("sandboxes off", () => {
  const SANDBOX_PATHS = [
    "/sandbox/xero/console",
    "/sandbox/xero/console/app.js",
    "/sandbox/xero/console/api/state",
    "/sandbox/xero/api/connections",
    "/sandbox/xero/identity/connect/token",
    "/sandbox/stripe",
    "/sandbox/stripe/console",
    "/sandbox/stripe/console/api/state",
    "/sandbox/stripe/api/v1/products",
    "/sandbox",
  ];

  it("answers every /sandbox path 404 with Settle's error envelope, also beside the web app", async () => {
    const web = dataDir();
    writeFileSync(join(web, "index.html"), "<!doctype html><title>Settle</title>");
    const dir = dataDir();
    // PostgreSQL deployments default to off; SETTLE_SANDBOXES=0 turns them off for the embedded database.
    const offs: Record<string, string>[] = [
      { DATA_DIR: dir, DATABASE_URL: "postgres://settle@127.0.0.1:5432/settle" },
      { DATA_DIR: dir, SETTLE_SANDBOXES: "0" },
    ];
    for (const env of offs) {
      const { sandboxes, app } = await settle(env, { webDistDir: web });
      expect(sandboxes.mounts).toEqual([]);
      expect(sandboxes.consoleLinks).toEqual([]);
      for (const path of SANDBOX_PATHS) {
        for (const method of ["GET", "POST"]) {
          const res = await client(app).call(
            method,
            path,
            method === "POST" ? { url: "http://example.com" } : undefined,
          );
          expect([method, path, res.status]).toEqual([method, path, 404]);
          expect(res.body.error.code).toBe("not_found");
        }
      }
      expect((await client(app).get("/api/v1/meta")).body).toEqual({ sandboxes: false });
    }
    expect(() => statSync(join(dir, "sandbox-console-token"))).toThrow();
  });
});

describe("sandboxes on", () => {
  let app: TestApp;
  let dir: string;
  let token: string;
  let links: string[];
  const console_ = (key = token) => client(app, undefined, { "x-sandbox-token": key });

  beforeAll(async () => {
    dir = dataDir();
    const started = await settle({ DATA_DIR: dir });
    app = started.app;
    links = started.sandboxes.consoleLinks;
    const file = join(dir, "sandbox-console-token");
    token = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  });

  it("keeps one console token per data directory, readable by its owner only, and links to the console with it", async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dir, "sandbox-console-token")).mode & 0o777).toBe(0o600);
    expect(links).toEqual([
      `Xero sandbox console: ${PUBLIC_URL}/sandbox/xero/console?token=${token}`,
      `Stripe sandbox console: ${PUBLIC_URL}/sandbox/stripe/console?token=${token}`,
    ]);
    const again = await settle({ DATA_DIR: dir, SETTLE_SANDBOXES: "1" });
    expect(again.sandboxes.consoleLinks).toEqual(links);
    expect((await client(app).get("/api/v1/meta")).body).toEqual({ sandboxes: true });
  });

  it("keeps the token in DATA_DIR on PostgreSQL too, creating the directory owner-only", async () => {
    const fresh = join(dataDir(), "data");
    const { sandboxes } = await settle({
      DATA_DIR: fresh,
      DATABASE_URL: "postgres://settle@127.0.0.1:5432/settle",
      SETTLE_SANDBOXES: "1",
    });
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    expect(statSync(join(fresh, "sandbox-console-token")).mode & 0o777).toBe(0o600);
    expect(sandboxes.consoleLinks[0]).toContain(readFileSync(join(fresh, "sandbox-console-token"), "utf8").trim());
  });

  it("refuses the console page and its API to anonymous visitors and to a wrong token, and serves the header", async () => {
    const webhookBefore = (await console_().get("/sandbox/xero/console/api/state")).body.webhook.url;
    const page = await app.request("/sandbox/xero/console");
    expect(page.status).toBe(401);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("Xero sandbox console: http://localhost:3000/sandbox/xero/console?token=");
    for (const key of [undefined, "wrong", `${token.slice(0, -1)}x`]) {
      const visitor = key === undefined ? client(app) : console_(key);
      const state = await visitor.get("/sandbox/xero/console/api/state");
      expect(state.status).toBe(401);
      expect(JSON.stringify(state.body)).not.toContain(DEMO_APP.clientSecret);
      expect((await visitor.get(`/sandbox/xero/console/api/orgs/${NZ}`)).status).toBe(401);
      expect((await visitor.get("/sandbox/xero/console/app.js")).status).toBe(401);
      expect((await visitor.post("/sandbox/xero/console/api/clock/advance", { days: 30 })).status).toBe(401);
      expect((await visitor.post("/sandbox/xero/console/api/faults", { kind: "500", count: 5 })).status).toBe(401);
      expect((await visitor.post(`/sandbox/xero/console/api/orgs/${NZ}/payments`, { InvoiceID: "x" })).status).toBe(
        401,
      );
      expect(
        (await visitor.post("/sandbox/xero/console/api/webhooks", { url: "http://127.0.0.1:9/x", key: "k" })).status,
      ).toBe(401);
    }
    // Nothing the refused calls asked for happened.
    const state = (await console_().get("/sandbox/xero/console/api/state")).body;
    expect(state.faults).toEqual([]);
    expect(state.webhook.url).toBe(webhookBefore);
    expect(Math.abs(Date.parse(state.now) - Date.now())).toBeLessThan(60_000);
    // The right token in X-Sandbox-Token opens both.
    const withHeader = await console_().get("/sandbox/xero/console/api/state");
    expect(withHeader.status).toBe(200);
    expect(withHeader.body.app.client_secret).toBe(DEMO_APP.clientSecret);
    const page200 = await app.request("/sandbox/xero/console", { headers: { "x-sandbox-token": token } });
    expect(page200.status).toBe(200);
    expect(await page200.text()).toContain("console/app.js");
  });

  it("turns the printed link into an HttpOnly SameSite=Strict cookie on /sandbox and redirects without the token", async () => {
    const link = new URL(links[0]?.split(": ")[1] ?? "");
    const res = await app.request(`${link.pathname}${link.search}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sandbox/xero/console");
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/sandbox(;|$)/);
    const cookie = setCookie.split(";")[0] ?? "";
    const page = await app.request("/sandbox/xero/console", { headers: { cookie } });
    expect(page.status).toBe(200);
    expect((await app.request("/sandbox/xero/console/app.js", { headers: { cookie } })).status).toBe(200);
    expect((await client(app, undefined, { cookie }).get("/sandbox/xero/console/api/state")).status).toBe(200);
    const wrong = await app.request("/sandbox/xero/console?token=guess");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("aims webhooks only at Settle itself or loopback", async () => {
    for (const url of [
      "http://example.com/hooks/xero",
      "https://169.254.169.254/latest/meta-data",
      "http://10.0.0.5/hook",
      "http://localhost.example.com/hook",
      "http://127.0.0.1.nip.io/hook",
      "file:///etc/passwd",
    ]) {
      const res = await console_().post("/sandbox/xero/console/api/webhooks", { url, key: "k" });
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(["url"]);
    }
    for (const url of [
      `${PUBLIC_URL}/api/v1/webhooks/xero`,
      "http://127.0.0.1:3999/hook",
      "http://localhost:3999/hook",
      "http://[::1]:3999/hook",
    ]) {
      const res = await console_().post("/sandbox/xero/console/api/webhooks", { url, key: "k" });
      expect([url, res.status]).toEqual([url, 200]);
    }
    await console_().post("/sandbox/xero/console/api/webhooks", {});
  });

  it("bounds console inputs with 400s naming the field", async () => {
    const cases: Array<[string, unknown, string]> = [
      ["/clock/advance", { days: 367 }, "days"],
      ["/clock/advance", { days: -30 }, "days"],
      ["/clock/advance", { ms: 1.5 }, "ms"],
      ["/faults", { kind: "500", count: 1_000_000 }, "count"],
      ["/faults", { kind: "slow", delayMs: 3_600_000 }, "delayMs"],
      ["/faults", { kind: "500", pathContains: "p".repeat(201) }, "pathContains"],
      ["/orgs", { name: "o".repeat(101) }, "name"],
      ["/webhooks", { url: `http://127.0.0.1/${"u".repeat(2048)}` }, "url"],
      ["/webhooks", { url: "http://127.0.0.1/hook", key: "k".repeat(201) }, "key"],
      [`/orgs/${NZ}/payments`, { InvoiceID: "i".repeat(65) }, "InvoiceID"],
      [`/orgs/${NZ}/payments`, { InvoiceID: "x", Amount: 1e15 }, "Amount"],
      [`/orgs/${NZ}/payments`, { InvoiceID: "x", Amount: -5 }, "Amount"],
      [`/orgs/${NZ}/invoices`, { Type: "ACCREC", Reference: "r".repeat(256) }, "Reference"],
      [`/orgs/${NZ}/invoices`, { Contact: { Name: "n".repeat(256) } }, "Contact.Name"],
      [`/orgs/${NZ}/invoices`, { LineItems: [{ Description: "d".repeat(4001) }] }, "LineItems.0.Description"],
      [`/orgs/${NZ}/invoices`, { LineItems: [{ UnitAmount: 1e12 }] }, "LineItems.0.UnitAmount"],
      [`/orgs/${NZ}/invoices`, { LineItems: Array.from({ length: 51 }, () => ({ Description: "x" })) }, "LineItems"],
      [`/orgs/${NZ}/invoices`, { Type: "ACCREC", Padding: "x" }, "Padding"],
    ];
    for (const [path, body, field] of cases) {
      const res = await console_().post(`/sandbox/xero/console/api${path}`, body);
      expect([path, field, res.status]).toEqual([path, field, 400]);
      expect(res.body.issues.map((i: { field: string }) => i.field)).toContain(field);
      expect(res.body.errors.join(" ")).toContain(field.split(".").at(-1));
    }
    const huge = await console_().post("/sandbox/xero/console/api/orgs", { name: "x", pad: "p".repeat(100_000) });
    expect(huge.status).toBe(400);
    expect(huge.body.issues[0].field).toBe("body");
  });

  it("caps pending faults, organisations and how far the clock runs ahead", async () => {
    const api = (path: string, body: unknown) => console_().post(`/sandbox/xero/console/api${path}`, body);
    for (let i = 0; i < 20; i += 1)
      expect((await api("/faults", { kind: "500", pathContains: "/nowhere" })).status).toBe(200);
    expect((await api("/faults", { kind: "500" })).status).toBe(400);
    await console_().delete("/sandbox/xero/console/api/faults");

    const before = (await console_().get("/sandbox/xero/console/api/state")).body.organisations.length;
    for (let i = before; i < 10; i += 1) expect((await api("/orgs", { name: `Org ${i}` })).status).toBe(200);
    const refused = await api("/orgs", { name: "One too many" });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toContain("10 organisations");

    for (let i = 0; i < 10; i += 1) expect((await api("/clock/advance", { days: 366 })).status).toBe(200);
    const ahead = await api("/clock/advance", { days: 1 });
    expect(ahead.status).toBe(400);
    expect(ahead.body.issues[0].field).toBe("days");
  });

  it("stops adding to an organisation at its object limit, so the state file stays bounded", async () => {
    const wire = client(app, await wireToken(), { "xero-tenant-id": NZ, accept: "application/json" });
    const contactId = (await console_().get(`/sandbox/xero/console/api/orgs/${NZ}`)).body.contacts[0].ContactID;
    const invoice = {
      Type: "ACCREC",
      Status: "DRAFT",
      Contact: { ContactID: contactId },
      LineItems: [{ Description: "Filler", Quantity: 1, UnitAmount: 1, AccountCode: "200" }],
    };
    // Filled close to the limit through the wire API (which, like Xero's, has no such limit), then by the console.
    for (let i = 0; i < 19; i += 1) {
      const batch = await wire.call("PUT", "/sandbox/xero/api/api.xro/2.0/Invoices", {
        Invoices: Array.from({ length: 100 }, () => invoice),
      });
      expect(batch.status).toBe(200);
    }
    let created = 0;
    let last = await console_().post(`/sandbox/xero/console/api/orgs/${NZ}/invoices`, invoice);
    while (last.status === 200 && created < 200) {
      created += 1;
      last = await console_().post(`/sandbox/xero/console/api/orgs/${NZ}/invoices`, invoice);
    }
    expect(created).toBeGreaterThan(0);
    expect(last.status).toBe(400);
    expect(last.body.errors[0]).toContain("2000");
    const someInvoice = (await console_().get(`/sandbox/xero/console/api/orgs/${NZ}`)).body.invoices[0].InvoiceID;
    const payment = await console_().post(`/sandbox/xero/console/api/orgs/${NZ}/payments`, { InvoiceID: someInvoice });
    expect(payment.status).toBe(400);
    const byName = await console_().post(`/sandbox/xero/console/api/orgs/${NZ}/invoices`, {
      ...invoice,
      Contact: { Name: "A brand new contact" },
    });
    expect(byName.status).toBe(400);
    const contacts = (await console_().get(`/sandbox/xero/console/api/orgs/${NZ}`)).body.contacts;
    expect(contacts.some((c: { Name: string }) => c.Name === "A brand new contact")).toBe(false);
    // The wire API is not the console: it still creates, as Xero would.
    const more = await wire.call("PUT", "/sandbox/xero/api/api.xro/2.0/Invoices", { Invoices: [invoice] });
    expect(more.status).toBe(200);
  });

  /** A Custom-Connection-style token for the NZ organisation, through the sandbox's identity endpoint. */
  async function wireToken(): Promise<string> {
    const basic = `Basic ${Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString("base64")}`;
    const tokenRes = await app.request("/sandbox/xero/identity/connect/token", {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(tokenRes.status).toBe(200);
    return ((await tokenRes.json()) as { access_token: string }).access_token;
  }

  it("serves the Stripe sandbox at /sandbox/stripe, its API also at /v1, its console only with the token", async () => {
    for (const key of [undefined, "wrong"]) {
      const visitor = key === undefined ? client(app) : console_(key);
      expect((await visitor.get("/sandbox/stripe/console/api/state")).status).toBe(401);
      expect((await visitor.post("/sandbox/stripe/console/api/clock/advance", { days: 30 })).status).toBe(401);
      expect((await app.request("/sandbox/stripe/console/app.js")).status).toBe(401);
    }
    const state = await console_().get("/sandbox/stripe/console/api/state");
    expect(state.status).toBe(200);
    const { secret_key, account_id } = stripeSandboxCredentials(token);
    expect(state.body.platform_account).toBe(account_id);
    expect(state.body.clock.offset_ms).toBe(0);
    const stripeKey = { authorization: `Bearer ${secret_key}` };
    for (const path of ["/sandbox/stripe/api/v1/products", "/v1/products"]) {
      const listed = await app.request(path, { headers: stripeKey });
      expect([path, listed.status]).toEqual([path, 200]);
      expect(await listed.json()).toMatchObject({ object: "list", url: "/v1/products" });
      expect((await app.request(path)).status).toBe(401);
    }
  });

  it("leaves the wire APIs open as Xero's are: OAuth, not the console token", async () => {
    const organisation = await client(app, await wireToken(), { "xero-tenant-id": NZ, accept: "application/json" }).get(
      "/sandbox/xero/api/api.xro/2.0/Organisation",
    );
    expect(organisation.status).toBe(200);
    expect((await client(app).get("/sandbox/xero/api/api.xro/2.0/Organisation", { "xero-tenant-id": NZ })).status).toBe(
      401,
    );
    const consent = await app.request(
      `/sandbox/xero/login/identity/connect/authorize?${new URLSearchParams({
        response_type: "code",
        client_id: DEMO_APP.clientId,
        redirect_uri: "http://localhost:3000/callback",
        scope: "accounting.transactions",
        state: "s",
      })}`,
    );
    expect(consent.status).toBe(200);
  });
});
