import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_APP } from "../../src/sandboxes/xero/identity/demo-app.ts";
import { exited, settle, startSettle } from "../support/process.ts";
import { startXeroSandboxProcess } from "../support/xero-sandbox-process.ts";
import { connectXero, httpClient, XERO_NZ_TENANT } from "../support/xero-server.ts";

const root = mkdtempSync(join(tmpdir(), "settle-xero-crash-"));
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited(child);
    }
  }
  rmSync(root, { recursive: true, force: true });
});

describe("a Xero invoice when Settle is killed after Xero made it and before Settle recorded it", () => {
  it("is found again after the restart: exactly one invoice in Xero and one in Settle", {
    timeout: 240_000,
  }, async () => {
    // The Xero sandbox in its own process, so killing Settle leaves "Xero" and what it did intact.
    const xero = await startXeroSandboxProcess(root);
    children.push(xero.child);
    const consoleApi = xero.consoleApi;
    const env = {
      DATA_DIR: join(root, "settle"),
      SETTLE_DEMO: "0",
      SETTLE_SANDBOXES: "0",
      XERO_CLIENT_ID: DEMO_APP.clientId,
      XERO_CLIENT_SECRET: DEMO_APP.clientSecret,
      XERO_LOGIN_URL: xero.login_url,
      XERO_IDENTITY_URL: xero.identity_url,
      XERO_API_URL: xero.api_url,
    };
    const { api_key } = JSON.parse(
      (
        await settle(
          [
            "workspace",
            "create",
            "--name",
            "Crash",
            "--admin-email",
            "owner@crash.test",
            "--admin-password",
            "long enough password",
            "--json",
          ],
          env,
        )
      ).stdout.trim(),
    ) as { api_key: string };

    const first = await startSettle(env);
    children.push(first.child);
    const api = httpClient(first.url, api_key);
    const company = await api("POST", "/api/v1/companies", { name: "Crash Dental", email: "ap@crash.test" });
    const product = await api("POST", "/api/v1/products", { name: "Fit-out", unit_amount: 100_000, currency: "NZD" });
    const opp = await api("POST", "/api/v1/opportunities", {
      name: "Clinic",
      company_id: company.body.id,
      currency: "NZD",
    });
    await api("POST", `/api/v1/opportunities/${opp.body.id}/products`, { product_id: product.body.id });
    await connectXero(api);
    expect((await api("POST", `/api/v1/companies/${company.body.id}/xero-contact`, { mode: "create" })).status).toBe(
      200,
    );
    expect((await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" })).status).toBe(200);
    const xeroInvoices = async () => (await consoleApi(`/orgs/${XERO_NZ_TENANT}`)).invoices as { Reference?: string }[];
    const before = (await xeroInvoices()).length;

    // Xero makes the invoice at once but holds its answer back; Settle dies while waiting for it.
    await consoleApi("/faults", {
      method: "POST",
      body: JSON.stringify({ kind: "late", delayMs: 30_000, pathContains: "/Invoices", method: "PUT" }),
    });
    void api("POST", `/api/v1/opportunities/${opp.body.id}/xero-invoices`, {
      portion: "full",
      due_date: "2030-01-31",
      status: "AUTHORISED",
    }).catch(() => undefined);
    for (let i = 0; i < 200 && (await xeroInvoices()).length === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await xeroInvoices()).length).toBe(before + 1);
    first.child.kill("SIGKILL");
    await exited(first.child);

    const second = await startSettle(env);
    children.push(second.child);
    const again = httpClient(second.url, api_key);
    const [pending] = (await again("GET", `/api/v1/opportunities/${opp.body.id}/invoices`)).body.data;
    expect(pending).toMatchObject({ provider: "xero", xero_invoice_id: null });
    expect((await again("POST", `/api/v1/opportunities/${opp.body.id}/xero-invoices/sync`)).status).toBe(202);
    let invoices: { id: string; xero_invoice_id: string | null; status: string }[] = [];
    for (let i = 0; i < 100; i++) {
      invoices = (await again("GET", `/api/v1/opportunities/${opp.body.id}/invoices`)).body.data;
      if (invoices[0]?.xero_invoice_id) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ id: pending.id, status: "AUTHORISED", xero_invoice_id: expect.any(String) });
    const inXero = (await xeroInvoices()).filter((i) => i.Reference?.endsWith(pending.id));
    expect(inXero).toHaveLength(1);
    expect((await again("GET", `/api/v1/opportunities/${opp.body.id}/products`)).body.data[0].payment_status).toBe(
      "invoiced",
    );
    second.child.kill("SIGTERM");
    expect(await exited(second.child)).toBe(0);
  });
});
