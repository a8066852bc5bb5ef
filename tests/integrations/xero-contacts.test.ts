import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { connectXero, httpClient, startXeroServer, XERO_NZ_TENANT } from "../support/xero-server.ts";

let database: Database;
let server: Awaited<ReturnType<typeof startXeroServer>>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, systemClock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

async function companyIn(name: string) {
  const ws = await seedWorkspace(database, name);
  const api = httpClient(server.origin, ws.apiKey);
  const company = await api("POST", "/api/v1/companies", { name: `${name} ${Date.now()}`, email: "ap@example.test" });
  expect(company.status).toBe(201);
  expect(company.body.xero_contact_id).toBeNull();
  return { api, companyId: company.body.id as string, companyName: company.body.name as string };
}

describe("linking a company to a Xero contact", () => {
  it("creates a Xero contact from the company", async () => {
    const { api, companyId, companyName } = await companyIn("Contact create");
    await connectXero(api);
    const linked = await api("POST", `/api/v1/companies/${companyId}/xero-contact`, { mode: "create" });
    expect(linked.status).toBe(200);
    const contactId = linked.body.xero_contact_id as string;
    const inXero = Object.values(server.sandbox.admin.organisation(XERO_NZ_TENANT)?.contacts ?? {});
    expect(inXero.find((c) => c.contactId === contactId)?.name).toBe(companyName);
    expect((await api("GET", `/api/v1/companies/${companyId}`)).body.xero_contact_id).toBe(contactId);
  });

  it("searches Xero contacts and links an existing one, refusing an unknown id", async () => {
    const { api, companyId } = await companyIn("Contact link");
    await connectXero(api);
    const found = await api("GET", "/api/v1/integrations/xero/contacts?q=a");
    expect(found.status).toBe(200);
    const [first] = found.body.data as { id: string; name: string }[];
    expect(first?.id).toBeTruthy();
    const unknown = await api("POST", `/api/v1/companies/${companyId}/xero-contact`, {
      mode: "link",
      contact_id: "00000000-0000-0000-0000-000000000000",
    });
    expect(unknown.status).toBe(404);
    const linked = await api("POST", `/api/v1/companies/${companyId}/xero-contact`, {
      mode: "link",
      contact_id: first?.id,
    });
    expect(linked.status).toBe(200);
    expect(linked.body.xero_contact_id).toBe(first?.id);
  });

  it("says how to connect Xero when it is not connected, and hides other workspaces' companies", async () => {
    const { api, companyId } = await companyIn("Contact unconnected");
    const refused = await api("POST", `/api/v1/companies/${companyId}/xero-contact`, { mode: "create" });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("precondition_failed");
    expect(refused.body.error.fix).toContain("Settings → Integrations");
    const other = await companyIn("Contact other");
    await connectXero(other.api);
    const foreign = await other.api("POST", `/api/v1/companies/${companyId}/xero-contact`, { mode: "create" });
    expect(foreign.status).toBe(404);
  });
});
