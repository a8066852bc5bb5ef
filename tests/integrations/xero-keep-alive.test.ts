import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createXeroLedger } from "../../src/integrations/accounting/xero-ledger.ts";

/**
 * A Xero whose connections do not outlive their first request: the second request written on a pooled
 * keep-alive socket finds it closed (as Xero's load balancer does after its idle timeout, or any server once
 * the caller's event loop was busy past the keep-alive window). Real HTTP, real SDK.
 */
let server: Server;
let apiUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  const served = new WeakMap<Socket, number>();
  server = createServer((request, response) => {
    const count = (served.get(request.socket) ?? 0) + 1;
    served.set(request.socket, count);
    seen.push(`${request.method} ${request.url?.split("?")[0]} #${count}`);
    if (count > 1) {
      request.socket.destroy();
      return;
    }
    response.setHeader("content-type", "application/json");
    if (request.url?.startsWith("/api.xro/2.0/TaxRates")) {
      response.end(JSON.stringify({ TaxRates: [{ TaxType: "OUTPUT2", Name: "GST", EffectiveRate: 15 }] }));
      return;
    }
    response.end(JSON.stringify({ Contacts: [{ ContactID: "c0ffee00-0000-4000-8000-000000000001", Name: "New" }] }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe("a pooled keep-alive connection the other end closed", () => {
  it("sends a read once more on a fresh connection, and never resends a write", async () => {
    const ledger = createXeroLedger(apiUrl, "token", "tenant");
    expect(await ledger.listTaxRates()).toHaveLength(1);
    // The write lands on the reused connection, which is gone: it fails rather than risk a second contact.
    await expect(ledger.createContact({ name: "New", email: null }, "key-1")).rejects.toMatchObject({
      code: "upstream_failed",
      details: { xero_status: 0 },
    });
    expect(await ledger.listTaxRates()).toHaveLength(1);
    // This read is written on a reused connection, reset, and sent again on a new one.
    expect(await ledger.listTaxRates()).toHaveLength(1);
    expect(seen).toEqual([
      "GET /api.xro/2.0/TaxRates #1",
      "PUT /api.xro/2.0/Contacts #2",
      "GET /api.xro/2.0/TaxRates #1",
      "GET /api.xro/2.0/TaxRates #2",
      "GET /api.xro/2.0/TaxRates #1",
    ]);
  });
});
