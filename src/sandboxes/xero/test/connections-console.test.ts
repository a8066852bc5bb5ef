import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AU_TENANT, type Harness, NZ_TENANT, startHarness, xeroError } from "./harness.ts";

const UK_TENANT = "a3f1c0de-0003-4e1a-9c55-5e771e000003";
const SECOND = 1000;

interface Connection {
  id: string;
  authEventId: string;
  tenantId: string;
  tenantType: string;
  tenantName: string;
  createdDateUtc: string;
  updatedDateUtc: string;
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ limits: { perMinute: 10_000 } });
});
afterAll(() => h.close());
afterEach(() => {
  expect(h.conformance.violations).toEqual([]);
});

const connections = async (accessToken: string, authEventId?: string): Promise<Connection[]> => {
  const query = authEventId ? `?authEventId=${authEventId}` : "";
  const response = await fetch(`${h.urls.api_url}/connections${query}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Connection[];
};

/** What Settle does: keep the tenants of the newest consent (Xero's advice), i.e. of the token's authEventId. */
const latestConsent = (all: Connection[]): Connection[] => {
  const newest = [...all].sort((a, b) => a.updatedDateUtc.localeCompare(b.updatedDateUtc)).at(-1);
  return all.filter((c) => c.authEventId === newest?.authEventId);
};

describe("consenting to several organisations at once", () => {
  it("offers every organisation as a tick box on the consent page", async () => {
    const params = new URLSearchParams({
      response_type: "code",
      client_id: h.sandbox.credentials.client_id,
      redirect_uri: "http://localhost:5173/xero/callback",
      scope: "offline_access accounting.settings",
    });
    const html = await (await fetch(`${h.urls.login_url}/identity/connect/authorize?${params}`)).text();
    const boxes = html.match(/<input type="checkbox" name="tenant_id" value="[^"]+"/g) ?? [];
    expect(boxes).toHaveLength(3);
    expect(html).toContain(`value="${UK_TENANT}"`);
  });

  it("lists every connected tenant; the newest consent's tenants carry its authEventId", async () => {
    const first = await h.connect({ tenantId: [NZ_TENANT, AU_TENANT] });
    const both = await connections(first.access_token, first.authEventId);
    expect(both.map((c) => c.tenantId).sort()).toEqual([NZ_TENANT, AU_TENANT].sort());
    for (const connection of both) {
      expect(connection).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        authEventId: first.authEventId,
        tenantType: "ORGANISATION",
        tenantName: expect.stringMatching(/^Demo Company \((NZ|AU)\)$/),
        createdDateUtc: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+$/),
        updatedDateUtc: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
    }
    const api = h.accounting(first.access_token);
    expect((await api.getOrganisations(NZ_TENANT)).body.organisations?.[0]?.name).toBe("Demo Company (NZ)");
    expect((await api.getOrganisations(AU_TENANT)).body.organisations?.[0]?.name).toBe("Demo Company (AU)");

    h.sandbox.admin.advanceClock(5 * SECOND);
    const second = await h.connect({ tenantId: UK_TENANT });
    const all = await connections(second.access_token);
    expect(all).toHaveLength(3);
    expect(Object.fromEntries(all.map((c) => [c.tenantId, c.authEventId]))).toEqual({
      [NZ_TENANT]: first.authEventId,
      [AU_TENANT]: first.authEventId,
      [UK_TENANT]: second.authEventId,
    });
    expect(latestConsent(all).map((c) => c.tenantId)).toEqual([UK_TENANT]);
    expect((await connections(second.access_token, second.authEventId)).map((c) => c.tenantId)).toEqual([UK_TENANT]);

    // Choosing an organisation again moves it to the new consent and bumps updatedDateUtc, not createdDateUtc.
    h.sandbox.admin.advanceClock(5 * SECOND);
    const nzBefore = all.find((c) => c.tenantId === NZ_TENANT);
    const third = await h.connect({ tenantId: NZ_TENANT });
    const nzAfter = (await connections(third.access_token)).find((c) => c.tenantId === NZ_TENANT);
    expect(nzAfter).toMatchObject({ id: nzBefore?.id, authEventId: third.authEventId });
    expect(nzAfter?.createdDateUtc).toBe(nzBefore?.createdDateUtc);
    expect(Date.parse(`${nzAfter?.updatedDateUtc}Z`)).toBeGreaterThan(Date.parse(`${nzBefore?.updatedDateUtc}Z`));
    expect(latestConsent(await connections(third.access_token)).map((c) => c.tenantId)).toEqual([NZ_TENANT]);
  });

  it("refuses a consent naming an unknown organisation", async () => {
    const denied = await h.authorize({ tenantId: [NZ_TENANT, "00000000-0000-0000-0000-000000000000"] });
    expect(denied.redirect.searchParams.get("error")).toBe("access_denied");
    expect(denied.code).toBeUndefined();
  });

  it("DELETE /connections/{id} removes one tenant: its calls answer 403, the others keep working", async () => {
    const tokens = await h.connect({ tenantId: [NZ_TENANT, AU_TENANT] });
    const au = (await connections(tokens.access_token)).find((c) => c.tenantId === AU_TENANT);
    const removed = await fetch(`${h.urls.api_url}/connections/${au?.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(removed.status).toBe(204);
    expect((await connections(tokens.access_token)).map((c) => c.tenantId)).not.toContain(AU_TENANT);
    const api = h.accounting(tokens.access_token);
    const refused = await xeroError(api.getInvoices(AU_TENANT));
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toMatchObject({ Title: "Forbidden", Status: 403, Detail: "AuthenticationUnsuccessful" });
    expect((await api.getOrganisations(NZ_TENANT)).response.status).toBe(200);
  });

  it("revoking a refresh token removes the user's connections; a new consent brings them back", async () => {
    const tokens = await h.connect({ tenantId: [NZ_TENANT, AU_TENANT] });
    const before = await connections(tokens.access_token);
    const revoke = await fetch(`${h.urls.identity_url}/connect/revocation`, {
      method: "POST",
      headers: { authorization: h.basicAuth, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.refresh_token }).toString(),
    });
    expect(revoke.status).toBe(200);
    const afterRevoke = await fetch(`${h.urls.api_url}/connections`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(afterRevoke.status).toBe(401);
    const again = await h.connect({ tenantId: AU_TENANT });
    const listed = await connections(again.access_token);
    expect(listed.map((c) => c.tenantId)).toEqual([AU_TENANT]);
    expect(listed[0]?.createdDateUtc).toBe(before.find((c) => c.tenantId === AU_TENANT)?.createdDateUtc);
  });
});

describe("console: revoke a connection and expire tokens", () => {
  it("lists the app's connections", async () => {
    const tokens = await h.connect({ tenantId: [NZ_TENANT, AU_TENANT] });
    const listed = await h.console("/connections");
    expect(listed.status).toBe(200);
    const rows = listed.body.connections as Array<Record<string, unknown>>;
    expect(rows.filter((r) => r.authEventId === tokens.authEventId).map((r) => r.tenantId)).toEqual(
      expect.arrayContaining([NZ_TENANT, AU_TENANT]),
    );
    expect(rows[0]).toMatchObject({
      id: expect.any(String),
      tenantName: expect.any(String),
      userId: expect.any(String),
      customConnection: expect.any(Boolean),
      createdDateUtc: expect.stringMatching(/Z$/),
      updatedDateUtc: expect.stringMatching(/Z$/),
    });
  });

  it("revoking the app's connection to an organisation makes its tokens answer 403 there", async () => {
    const tokens = await h.connect({ tenantId: [NZ_TENANT, AU_TENANT] });
    const api = h.accounting(tokens.access_token);
    expect((await api.getOrganisations(AU_TENANT)).response.status).toBe(200);
    const revoked = await h.console(`/orgs/${AU_TENANT}/revoke-connection`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ tenantId: AU_TENANT, removed: 1 });
    expect((revoked.body.connections as Array<{ tenantId: string }>).map((c) => c.tenantId)).not.toContain(AU_TENANT);
    const refused = await xeroError(api.getOrganisations(AU_TENANT));
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toMatchObject({ Title: "Forbidden", Detail: "AuthenticationUnsuccessful" });
    expect((await connections(tokens.access_token)).map((c) => c.tenantId)).toEqual([NZ_TENANT]);
    expect((await api.getOrganisations(NZ_TENANT)).response.status).toBe(200);
    // The grant lives on: a refreshed token still works for NZ and is still refused for AU.
    const refreshed = await h.token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    const fresh = h.accounting(String(refreshed.body.access_token));
    expect((await fresh.getOrganisations(NZ_TENANT)).response.status).toBe(200);
    expect((await xeroError(fresh.getOrganisations(AU_TENANT))).statusCode).toBe(403);
    expect((await h.console(`/orgs/${AU_TENANT}/revoke-connection`, {})).body).toMatchObject({ removed: 0 });
  });

  it("expiring the app's access tokens makes the next call 401 TokenExpired; refreshing still works", async () => {
    const tokens = await h.connect({ tenantId: NZ_TENANT });
    const custom = await h.clientCredentialsToken();
    const api = h.accounting(tokens.access_token);
    expect((await api.getOrganisations(NZ_TENANT)).response.status).toBe(200);
    const expired = await h.console("/tokens/expire", {});
    expect(expired.status).toBe(200);
    const expiredAt = Date.parse(String(expired.body.expiredAt));
    expect(h.sandbox.admin.now().getTime() - expiredAt).toBeGreaterThanOrEqual(0);
    expect(h.sandbox.admin.now().getTime() - expiredAt).toBeLessThan(5 * SECOND);
    for (const token of [tokens.access_token, custom]) {
      const error = await xeroError(h.accounting(token).getOrganisations(NZ_TENANT));
      expect(error.statusCode).toBe(401);
      expect(error.body).toMatchObject({
        Type: null,
        Title: "Unauthorized",
        Status: 401,
        Detail: expect.stringMatching(/^TokenExpired: token expired at \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/),
      });
    }
    const listing = await fetch(`${h.urls.api_url}/connections`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(listing.status).toBe(401);
    const refreshed = await h.token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    expect((await h.accounting(String(refreshed.body.access_token)).getOrganisations(NZ_TENANT)).response.status).toBe(
      200,
    );
    expect((await h.accounting(await h.clientCredentialsToken()).getOrganisations(NZ_TENANT)).response.status).toBe(
      200,
    );
  });

  it("guards the new routes like the rest of the console", async () => {
    const anonymous = await fetch(`${h.origin}/sandbox/xero/console/api/tokens/expire`, { method: "POST" });
    expect(anonymous.status).toBe(401);
    const unknownField = await h.console("/tokens/expire", { everything: true });
    expect(unknownField.status).toBe(400);
    expect((unknownField.body.issues as Array<{ field: string }>).map((i) => i.field)).toEqual(["everything"]);
    expect((await h.console("/orgs/not-an-org/revoke-connection", {})).status).toBe(404);
  });
});
