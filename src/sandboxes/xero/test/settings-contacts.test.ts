import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AccountingApi } from "xero-node";
import { type Harness, NZ_TENANT, startHarness, validationMessages, xeroError } from "./harness.ts";

let h: Harness;
let api: AccountingApi;
const T = NZ_TENANT;

beforeAll(async () => {
  h = await startHarness({ limits: { perMinute: 10_000 } });
  api = h.accounting(await h.clientCredentialsToken());
});
afterAll(() => h.close());
afterEach(() => {
  expect(h.conformance.violations).toEqual([]);
});

describe("settings", () => {
  it("serves Organisation, Accounts (with where), TaxRates and BrandingThemes", async () => {
    const org = (await api.getOrganisations(T)).body.organisations?.[0];
    expect(org).toMatchObject({ name: "Demo Company (NZ)", baseCurrency: "NZD", organisationID: T });
    const banks = (await api.getAccounts(T, undefined, 'Type=="BANK"')).body.accounts ?? [];
    expect(banks.map((a) => a.code)).toEqual(["090", "091"]);
    const revenue = (await api.getAccounts(T, undefined, 'Class=="REVENUE"')).body.accounts ?? [];
    expect(revenue.length).toBeGreaterThanOrEqual(2);
    const rates = (await api.getTaxRates(T)).body.taxRates ?? [];
    expect(rates.find((r) => r.taxType === "OUTPUT2")?.effectiveRate).toBe(15);
    const themes = (await api.getBrandingThemes(T)).body.brandingThemes ?? [];
    expect(themes.map((t) => t.name)).toEqual(["Standard", "Special Projects"]);
  });

  it("wraps responses in Xero's envelope", async () => {
    const raw = await fetch(`${h.urls.api_url}/api.xro/2.0/Organisation`, {
      headers: {
        authorization: `Bearer ${await h.clientCredentialsToken()}`,
        "xero-tenant-id": T,
        accept: "application/json",
      },
    });
    const body = (await raw.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      Status: "OK",
      ProviderName: expect.any(String),
      DateTimeUTC: expect.stringMatching(/^\/Date\(\d+\)\/$/),
    });
    expect(body.Id).toEqual(expect.any(String));
  });

  it("answers a missing or unknown tenant with 403 problem JSON", async () => {
    const access = await h.clientCredentialsToken();
    const unknown = await xeroError(api.getOrganisations("00000000-0000-0000-0000-000000000000"));
    expect(unknown.statusCode).toBe(403);
    expect(unknown.body).toMatchObject({ Title: "Forbidden", Status: 403, Detail: "AuthenticationUnsuccessful" });
    const { code } = await h.authorize();
    const tokens = await h.token({
      grant_type: "authorization_code",
      code: code ?? "",
      redirect_uri: "http://localhost:5173/xero/callback",
    });
    const noTenant = await fetch(`${h.urls.api_url}/api.xro/2.0/Organisation`, {
      headers: { authorization: `Bearer ${tokens.body.access_token}` },
    });
    expect(noTenant.status).toBe(403);
    expect(access).toBeTruthy();
  });
});

describe("contacts", () => {
  it("creates, reads by id and ContactNumber, and updates", async () => {
    const created = (
      await api.createContacts(T, {
        contacts: [{ name: "Acme Ltd", emailAddress: "ap@acme.example", contactNumber: "CRM-42" }],
      })
    ).body.contacts?.[0];
    expect(created?.contactID).toBeTruthy();
    expect((await api.getContact(T, created?.contactID ?? "")).body.contacts?.[0]?.name).toBe("Acme Ltd");
    const byNumber = await fetch(`${h.urls.api_url}/api.xro/2.0/Contacts/CRM-42`, {
      headers: { authorization: `Bearer ${await h.clientCredentialsToken()}`, "xero-tenant-id": T },
    });
    expect(((await byNumber.json()) as { Contacts: Array<{ ContactID: string }> }).Contacts[0]?.ContactID).toBe(
      created?.contactID,
    );
    const updated = await api.updateContact(T, created?.contactID ?? "", {
      contacts: [{ emailAddress: "billing@acme.example" }],
    });
    expect(updated.body.contacts?.[0]?.emailAddress).toBe("billing@acme.example");
  });

  it("enforces unique active names and valid emails", async () => {
    const error = await xeroError(
      api.createContacts(T, {
        contacts: [{ name: "Ridgeway University" }, { name: "Bad Email", emailAddress: "nope" }],
      }),
    );
    expect(validationMessages(error.body)).toEqual([
      "The contact name Ridgeway University is already assigned to another contact. The contact name must be unique across all active contacts.",
      "Email address must be valid.",
    ]);
    const partial = await api.createContacts(T, { contacts: [{ name: "Fine Co" }, { name: "" }] }, false);
    expect(partial.body.contacts?.map((c) => c.statusAttributeString)).toEqual(["OK", "ERROR"]);
    expect(partial.body.contacts?.[1]?.hasValidationErrors).toBe(true);
  });

  it("lists with where, searchTerm, IDs and paging", async () => {
    const all = (await api.getContacts(T)).body.contacts ?? [];
    const where = await api.getContacts(T, undefined, 'EmailAddress=="bob@bayside.example"');
    expect(where.body.contacts?.map((c) => c.name)).toEqual(["Bayside Club"]);
    const search = await api.getContacts(
      T,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      "RIDGEWAY",
    );
    expect(search.body.contacts?.map((c) => c.name)).toEqual(["Ridgeway University"]);
    const ids = [all[0]?.contactID ?? "", all[1]?.contactID ?? ""];
    expect((await api.getContacts(T, undefined, undefined, undefined, ids)).body.contacts).toHaveLength(2);
    const page = await api.getContacts(
      T,
      undefined,
      undefined,
      undefined,
      undefined,
      2,
      undefined,
      undefined,
      undefined,
      2,
    );
    expect(page.body.contacts).toHaveLength(2);
    expect(page.body.pagination).toMatchObject({ page: 2, pageSize: 2, itemCount: all.length });
    expect((await xeroError(api.getContact(T, "00000000-0000-0000-0000-000000000000"))).statusCode).toBe(404);
  });
});
