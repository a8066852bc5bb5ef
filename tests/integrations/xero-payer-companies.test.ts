import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { syncXeroWorkspace } from "../../src/modules/invoices/index.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { startXeroServer } from "../support/xero-server.ts";
import { connectedWorkspace, raiseInXero, type Server } from "./xero-sync-support.ts";

let database: Database;
let server: Server;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, clock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe("Payer companies", () => {
  it("shows a payer's Xero invoices beside the client's, labelled with its name; pinning keeps one to one opportunity", async () => {
    const { ctx, api, oppId, companyId, tenantId, contactId } = await connectedWorkspace(
      database,
      server,
      "Payers",
      clock,
    );
    const insurer = await api("POST", "/api/v1/companies", { name: "Insurer Ltd", email: "claims@example.test" });
    await api("POST", `/api/v1/companies/${insurer.body.id}/xero-contact`, { mode: "create" });
    const insurerContact = (await api("GET", `/api/v1/companies/${insurer.body.id}`)).body.xero_contact_id;
    const ownInvoice = raiseInXero(server, tenantId, contactId, "Client's");
    const payerInvoice = raiseInXero(server, tenantId, insurerContact, "Insurer's");
    await syncXeroWorkspace(ctx);
    const shown = async (id: string) =>
      (await api("GET", `/api/v1/opportunities/${id}/xero-raised-invoices`)).body.data.map(
        (i: { xero_invoice_id: string; company_name: string; payer: boolean }) => [
          i.xero_invoice_id,
          i.company_name,
          i.payer,
        ],
      );
    expect(await shown(oppId)).toEqual([[ownInvoice.invoiceId, "Payers client", false]]);

    const added = await api("PUT", `/api/v1/opportunities/${oppId}/payer-companies/${insurer.body.id}`);
    expect(added.status).toBe(200);
    expect(added.body.data.map((p: { name: string }) => p.name)).toEqual(["Insurer Ltd"]);
    expect(await shown(oppId)).toEqual(
      expect.arrayContaining([
        [ownInvoice.invoiceId, "Payers client", false],
        [payerInvoice.invoiceId, "Insurer Ltd", true],
      ]),
    );
    // The client does not change.
    expect((await api("GET", `/api/v1/opportunities/${oppId}`)).body.company_id).toBe(companyId);

    // A second opportunity of the same client: pinning the client's invoice to it takes it off the first.
    const second = await api("POST", "/api/v1/opportunities", {
      name: "Second",
      company_id: companyId,
      currency: "NZD",
    });
    expect(await shown(second.body.id)).toEqual([[ownInvoice.invoiceId, "Payers client", false]]);
    const pinned = await api("POST", `/api/v1/xero-raised-invoices/${ownInvoice.invoiceId}/pin`, {
      opportunity_id: second.body.id,
    });
    expect(pinned.status, JSON.stringify(pinned.body)).toBe(200);
    expect(await shown(oppId)).toEqual([[payerInvoice.invoiceId, "Insurer Ltd", true]]);
    expect(await shown(second.body.id)).toEqual([[ownInvoice.invoiceId, "Payers client", false]]);
    // A later sync does not unpin it.
    server.sandbox.admin.recordPayment(tenantId, ownInvoice.invoiceId);
    await syncXeroWorkspace(ctx);
    expect(await shown(oppId)).toEqual([[payerInvoice.invoiceId, "Insurer Ltd", true]]);

    const removed = await api("DELETE", `/api/v1/opportunities/${oppId}/payer-companies/${insurer.body.id}`);
    expect(removed.body.data).toEqual([]);
    expect(await shown(oppId)).toEqual([]);
    expect((await api("PUT", `/api/v1/opportunities/${oppId}/payer-companies/co_unknown`)).status).toBe(404);
    const other = await connectedWorkspace(database, server, "Other workspace", clock);
    const foreign = await other.api("POST", `/api/v1/xero-raised-invoices/${payerInvoice.invoiceId}/pin`, {
      opportunity_id: null,
    });
    expect(foreign.status).toBe(404);
  });
});
