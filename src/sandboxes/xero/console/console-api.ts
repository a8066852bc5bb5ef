import { Hono } from "hono";
import { contactToWire } from "../accounting/contacts/contact-wire.ts";
import { invoiceToWire } from "../accounting/invoices/invoice-wire.ts";
import { paymentToWire } from "../accounting/payments/payment-wire.ts";
import { repeatingToWire } from "../accounting/repeating/repeating-wire.ts";
import type { XeroSandboxAdmin } from "../admin.ts";
import type { FaultKind } from "../api/faults.ts";
import { isObject, num, str, type WireObject } from "../core/wire-input.ts";
import { DEMO_APP } from "../identity/demo-app.ts";

const DAY_MS = 86_400_000;
const FAULT_KINDS: FaultKind[] = ["429", "500", "503", "slow", "drop"];

/** JSON endpoints behind the console page. */
export function consoleApi(admin: XeroSandboxAdmin, publicUrl: string): Hono {
  const app = new Hono();
  const body = async (request: Request): Promise<WireObject> => {
    const parsed: unknown = await request.json().catch(() => ({}));
    return isObject(parsed) ? parsed : {};
  };

  app.get("/state", (c) =>
    c.json({
      now: admin.now().toISOString(),
      app: { client_id: DEMO_APP.clientId, client_secret: DEMO_APP.clientSecret },
      urls: { login_url: `${publicUrl}/login`, identity_url: `${publicUrl}/identity`, api_url: `${publicUrl}/api` },
      organisations: admin
        .organisations()
        .map((o) => ({ id: o.organisationId, name: o.name, invoices: Object.keys(o.invoices).length })),
      webhook: {
        status: admin.webhooks.status,
        pending: admin.webhooks.pendingEvents(),
        deliveries: admin.webhooks.deliveries.slice(-20).reverse(),
      },
      faults: admin.faults.pending(),
    }),
  );

  app.get("/orgs/:id", (c) => {
    const org = admin.organisation(c.req.param("id"));
    if (!org) return c.json({ error: "not found" }, 404);
    const invoices = Object.values(org.invoices).slice(-200).reverse();
    return c.json({
      contacts: Object.values(org.contacts).map(contactToWire),
      invoices: invoices.map((i) => invoiceToWire(org, i, { includeLines: true, unitdp: 2 })),
      payments: Object.values(org.payments)
        .slice(-200)
        .reverse()
        .map((p) => paymentToWire(org, p)),
      repeatingInvoices: Object.values(org.repeatingInvoices).map((r) => repeatingToWire(org, r)),
      emails: org.emails.slice(-50).reverse(),
      accounts: org.accounts.map((a) => ({ code: a.code, name: a.name, type: a.type })),
    });
  });

  app.post("/orgs/:id/invoices", async (c) => {
    const result = admin.createInvoice(c.req.param("id"), await body(c.req.raw));
    return result.ok ? c.json({ invoiceId: result.value.invoiceId }) : c.json({ errors: result.errors }, 400);
  });

  app.post("/orgs/:id/invoices/:invoiceId", async (c) => {
    const result = admin.updateInvoice(c.req.param("id"), c.req.param("invoiceId"), await body(c.req.raw));
    return result.ok ? c.json({ invoiceId: result.value.invoiceId }) : c.json({ errors: result.errors }, 400);
  });

  app.post("/orgs/:id/payments", async (c) => {
    const input = await body(c.req.raw);
    const result = admin.recordPayment(
      c.req.param("id"),
      str(input, "InvoiceID") ?? "",
      num(input, "Amount"),
      str(input, "AccountCode"),
    );
    return result.ok ? c.json({ paymentId: result.value }) : c.json({ errors: result.errors }, 400);
  });

  app.post("/orgs/:id/payments/:paymentId/delete", (c) => {
    const result = admin.deletePayment(c.req.param("id"), c.req.param("paymentId"));
    return result.ok ? c.json({ paymentId: result.value }) : c.json({ errors: result.errors }, 400);
  });

  app.post("/clock/advance", async (c) => {
    const input = await body(c.req.raw);
    const generated = admin.advanceClock((num(input, "days") ?? 0) * DAY_MS + (num(input, "ms") ?? 0));
    return c.json({ now: admin.now().toISOString(), generated: generated.map((i) => i.invoiceId) });
  });

  app.post("/faults", async (c) => {
    const input = await body(c.req.raw);
    const kind = str(input, "kind") as FaultKind | undefined;
    if (!kind || !FAULT_KINDS.includes(kind))
      return c.json({ errors: [`kind must be one of ${FAULT_KINDS.join(", ")}`] }, 400);
    admin.injectFault({
      kind,
      count: num(input, "count") ?? 1,
      delayMs: num(input, "delayMs"),
      pathContains: str(input, "pathContains"),
    });
    return c.json({ faults: admin.faults.pending() });
  });

  app.delete("/faults", (c) => {
    admin.faults.clear();
    return c.json({ faults: [] });
  });

  app.post("/webhooks", async (c) => {
    const input = await body(c.req.raw);
    admin.webhooks.configure(str(input, "url"), str(input, "key"));
    return c.json({ status: admin.webhooks.status });
  });

  app.post("/webhooks/intent-to-receive", async (c) => c.json({ passed: await admin.webhooks.intentToReceive() }));

  app.get("/log", (c) => c.json(admin.requestLog()));

  app.post("/orgs", async (c) => {
    const input = await body(c.req.raw);
    const org = admin.seedOrganisation({ name: str(input, "name") ?? "New Demo Organisation" });
    return c.json({ id: org.organisationId });
  });

  return app;
}
