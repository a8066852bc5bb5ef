import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { Conformance } from "./conformance.ts";

// The conformance checker guards every other test, so it must itself be able to fail.
describe("conformance checker", () => {
  const conformance = new Conformance("/m");
  const app = new Hono();
  app.use("*", conformance.middleware());
  app.get("/m/api/api.xro/2.0/Invoices", (c) => c.json({ Invoices: [{ InvoiceID: "not-a-uuid", Status: "BOGUS" }] }));
  app.get("/m/api/api.xro/2.0/NoSuchThing", (c) => c.json({}));
  app.get("/m/api/api.xro/2.0/Contacts", (c) => c.json({ Contacts: [] }));

  it.runIf(conformance.enabled)(
    "flags schema violations, undeclared operations and undeclared query parameters",
    async () => {
      await app.request("/m/api/api.xro/2.0/Invoices");
      await app.request("/m/api/api.xro/2.0/NoSuchThing");
      await app.request("/m/api/api.xro/2.0/Contacts?bogusParam=1");
      expect(conformance.violations).toHaveLength(3);
      expect(conformance.violations[0]).toMatch(/InvoiceID|Status/);
      expect(conformance.violations[1]).toMatch(/operation not in spec/);
      expect(conformance.violations[2]).toMatch(/query parameter bogusParam/);
    },
  );

  it.runIf(conformance.enabled)("flags a webhook payload missing required fields", () => {
    conformance.violations.length = 0;
    conformance.check(conformance.webhooks, "webhooks#/components/schemas/WebhookEvent", { events: [] }, "webhook");
    expect(conformance.violations).toHaveLength(1);
  });
});
