import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";

const PG = "postgres://u:p@127.0.0.1:5432/settle";

describe("defaults that differ between the embedded database and PostgreSQL", () => {
  it("seeds the demo and mounts the sandboxes only on the embedded database unless asked", () => {
    expect(loadConfig({})).toMatchObject({ seedDemo: true, sandboxes: true });
    expect(loadConfig({ DATABASE_URL: PG })).toMatchObject({ seedDemo: false, sandboxes: false });
    expect(loadConfig({ DATABASE_URL: PG, SETTLE_DEMO: "1", SETTLE_SANDBOXES: "1" })).toMatchObject({
      seedDemo: true,
      sandboxes: true,
    });
    expect(loadConfig({ SETTLE_DEMO: "0", SETTLE_SANDBOXES: "0" })).toMatchObject({
      seedDemo: false,
      sandboxes: false,
    });
  });

  it("points Xero at the mounted sandbox, at Xero itself with real credentials, and nowhere otherwise", () => {
    expect(loadConfig({ PUBLIC_URL: "http://x.test" }).xero?.apiUrl).toBe("http://x.test/sandbox/xero/api");
    const real = loadConfig({ DATABASE_URL: PG, XERO_CLIENT_ID: "abc", XERO_CLIENT_SECRET: "s" }).xero;
    expect(real).toMatchObject({ clientId: "abc", apiUrl: "https://api.xero.com", loginUrl: "https://login.xero.com" });
    expect(loadConfig({ DATABASE_URL: PG }).xero).toBeUndefined();
  });

  it("lets Settle's Xero limiter follow a sandbox started at another pace, and never real Xero", () => {
    expect(loadConfig({}).xero?.callLimits).toBeUndefined();
    expect(loadConfig({ XERO_SANDBOX_CALLS_PER_MINUTE: "600" }).xero?.callLimits).toEqual({ perMinute: 595 });
    const real = loadConfig({ XERO_SANDBOX_CALLS_PER_MINUTE: "600", XERO_CLIENT_ID: "abc", XERO_CLIENT_SECRET: "s" });
    expect(real.xero?.callLimits).toBeUndefined();
  });
});
