import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AccountingApi } from "xero-node";
import { salesInvoice } from "./fixtures.ts";
import { AU_TENANT, type Harness, NZ_TENANT, startHarness, validationMessages, xeroError } from "./harness.ts";

let h: Harness;
let api: AccountingApi;
let access: string;
let contactId: string;
const T = NZ_TENANT;
const MINUTE = 60_000;

beforeAll(async () => {
  h = await startHarness({ limits: { perMinute: 60, perDay: 5000 } });
  access = await h.clientCredentialsToken();
  api = h.accounting(access);
  contactId = (await api.getContacts(T)).body.contacts?.[0]?.contactID ?? "";
});
afterAll(() => h.close());
afterEach(() => {
  expect(h.conformance.violations).toEqual([]);
  h.sandbox.admin.resetRateLimits();
  h.sandbox.admin.faults.clear();
});

const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${h.urls.api_url}/api.xro/2.0${path}`, {
    ...init,
    headers: { authorization: `Bearer ${access}`, "xero-tenant-id": T, accept: "application/json", ...init.headers },
  });

describe("wire errors", () => {
  it("answers malformed JSON and XML bodies with PostDataInvalidException", async () => {
    const bad = await raw("/Invoices", {
      method: "PUT",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ Type: "PostDataInvalidException" });
    const xml = await raw("/Contacts", {
      method: "PUT",
      body: "<Contacts><Contact>",
      headers: { "content-type": "application/xml" },
    });
    expect(await xml.json()).toMatchObject({ Type: "PostDataInvalidException" });
  });

  it("answers unknown ids and unknown resources with 404", async () => {
    expect((await raw("/Payments/00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await raw("/NoSuchEndpoint")).status).toBe(404);
    expect((await raw("/RepeatingInvoices/not-a-guid")).status).toBe(404);
  });

  it("replays an Idempotency-Key and rejects its reuse with a different request", async () => {
    const body = { invoices: [salesInvoice(contactId, { reference: "IDEMP" })] };
    const first = await api.createInvoices(T, body, false, undefined, "key-1");
    const second = await api.createInvoices(T, body, false, undefined, "key-1");
    expect(second.body.invoices?.[0]?.invoiceID).toBe(first.body.invoices?.[0]?.invoiceID);
    expect((await api.getInvoices(T, undefined, 'Reference=="IDEMP"')).body.invoices).toHaveLength(1);
    const reused = await xeroError(
      api.createInvoices(T, { invoices: [salesInvoice(contactId, { reference: "OTHER" })] }, false, undefined, "key-1"),
    );
    expect(validationMessages(reused.body)).toEqual(["Idempotency Key key-1 is used with a different request."]);
    h.sandbox.admin.advanceClock(7 * MINUTE);
    access = await h.clientCredentialsToken();
    api = h.accounting(access);
    const after = await api.createInvoices(T, body, false, undefined, "key-1");
    expect(after.body.invoices?.[0]?.invoiceID).not.toBe(first.body.invoices?.[0]?.invoiceID);
  });
});

describe("rate limits", () => {
  it("puts the remaining-limit headers on every response", async () => {
    const result = await api.getOrganisations(T);
    expect(result.response.headers["x-minlimit-remaining"]).toBe("59");
    expect(result.response.headers["x-daylimit-remaining"]).toBe("4999");
    expect(Number(result.response.headers["x-appminlimit-remaining"])).toBeGreaterThan(9000);
  });

  it("returns 429 minute with Retry-After after 60 calls in a minute, per organisation", async () => {
    for (let i = 0; i < 60; i += 1) await api.getTaxRates(T);
    const limited = await xeroError(api.getTaxRates(T));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["x-rate-limit-problem"]).toBe("minute");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    const other = await api.getOrganisations(AU_TENANT).catch((e: unknown) => e);
    expect(typeof other === "string" ? JSON.parse(other).response.statusCode : 200).toBe(403);
    h.sandbox.admin.advanceClock(MINUTE + 1000);
    access = await h.clientCredentialsToken();
    api = h.accounting(access);
    expect((await api.getTaxRates(T)).response.status).toBe(200);
  });

  it("returns 429 concurrent beyond 5 calls in flight", async () => {
    h.sandbox.admin.injectFault({ kind: "slow", count: 6, delayMs: 300, pathContains: "/BrandingThemes" });
    const settled = await Promise.allSettled(Array.from({ length: 6 }, () => api.getBrandingThemes(T)));
    const failures = settled.flatMap((s) => (s.status === "rejected" ? [JSON.parse(String(s.reason)).response] : []));
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(5);
    expect(failures.map((f) => [f.statusCode, f.headers["x-rate-limit-problem"]])).toEqual([[429, "concurrent"]]);
  });

  it("returns 429 day once the daily budget is spent", async () => {
    const small = await startHarness({ limits: { perDay: 3 } });
    const smallApi = small.accounting(await small.clientCredentialsToken());
    for (let i = 0; i < 3; i += 1) await smallApi.getOrganisations(T);
    const limited = await xeroError(smallApi.getOrganisations(T));
    expect([
      limited.statusCode,
      limited.headers["x-rate-limit-problem"],
      limited.headers["x-daylimit-remaining"],
    ]).toEqual([429, "day", "0"]);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(80_000);
    await small.close();
  });
});

describe("fault injection", () => {
  it("injects 500, 503 and 429 for the next N calls, then recovers", async () => {
    h.sandbox.admin.injectFault({ kind: "503", count: 1 });
    h.sandbox.admin.injectFault({ kind: "500", count: 1 });
    h.sandbox.admin.injectFault({ kind: "429", count: 1 });
    expect((await xeroError(api.getOrganisations(T))).statusCode).toBe(503);
    expect((await xeroError(api.getOrganisations(T))).statusCode).toBe(500);
    const limited = await xeroError(api.getOrganisations(T));
    expect([limited.statusCode, limited.headers["retry-after"]]).toEqual([429, "1"]);
    expect((await api.getOrganisations(T)).response.status).toBe(200);
  });

  it("drops the connection", async () => {
    h.sandbox.admin.injectFault({ kind: "drop", count: 1 });
    await expect(raw("/Organisation")).rejects.toThrow();
    expect((await raw("/Organisation")).status).toBe(200);
  });
});
