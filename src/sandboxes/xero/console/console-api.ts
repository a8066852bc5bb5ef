import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { z } from "zod";
import { contactToWire } from "../accounting/contacts/contact-wire.ts";
import { invoiceToWire } from "../accounting/invoices/invoice-wire.ts";
import { paymentToWire } from "../accounting/payments/payment-wire.ts";
import { repeatingToWire } from "../accounting/repeating/repeating-wire.ts";
import type { XeroSandboxAdmin } from "../admin.ts";
import { DEMO_APP } from "../identity/demo-app.ts";
import { CONSOLE_LIMITS } from "../options.ts";
import type { OrganisationRecord } from "../state/types.ts";
import {
  ConsoleClockAdvance,
  ConsoleEmpty,
  ConsoleFault,
  ConsoleInvoice,
  type ConsoleIssue,
  ConsoleOrganisation,
  ConsolePayment,
  ConsoleWebhook,
  ConsoleWebhookMisbehave,
  DAY_MS,
  issuesOf,
  webhookTargetProblem,
} from "./console-input.ts";

const refuse = (c: Context, issues: ConsoleIssue[]) =>
  c.json({ errors: issues.map((i) => `${i.field} ${i.message}`), issues }, 400);

/** Parses a JSON body against a console schema; a Response is the 400 naming the fields. */
async function parse<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S> | Response> {
  const raw = await c.req.text();
  let value: unknown = {};
  if (raw.trim() !== "") {
    try {
      value = JSON.parse(raw);
    } catch {
      return refuse(c, [{ field: "body", message: "must be a JSON object" }]);
    }
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : refuse(c, issuesOf(parsed.error));
}

/** JSON endpoints behind the console page. */
export function consoleApi(admin: XeroSandboxAdmin, publicUrl: string): Hono {
  const app = new Hono();
  app.use(
    "*",
    bodyLimit({
      maxSize: CONSOLE_LIMITS.bodyBytes,
      onError: (c) => refuse(c, [{ field: "body", message: `must be at most ${CONSOLE_LIMITS.bodyBytes} bytes` }]),
    }),
  );
  const orgOf = (c: Context): OrganisationRecord | Response =>
    admin.organisation(c.req.param("id") ?? "") ??
    c.json({ errors: ["Organisation not found"], issues: [{ field: "id", message: "not found" }] }, 404);
  /** The console stops adding to an organisation at a fixed size, so its state file stays bounded. */
  const full = (c: Context, org: OrganisationRecord): Response | undefined =>
    admin.objectCount(org) >= CONSOLE_LIMITS.objectsPerOrganisation
      ? refuse(c, [
          {
            field: "organisation",
            message: `${org.name} holds ${CONSOLE_LIMITS.objectsPerOrganisation} contacts, invoices, payments and emails, the most the console adds to; use another organisation`,
          },
        ])
      : undefined;

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
    const org = orgOf(c);
    if (org instanceof Response) return org;
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
    const org = orgOf(c);
    if (org instanceof Response) return org;
    const input = await parse(c, ConsoleInvoice);
    if (input instanceof Response) return input;
    const refused = full(c, org);
    if (refused) return refused;
    const result = admin.createInvoice(org.organisationId, input);
    return result.ok ? c.json({ invoiceId: result.value.invoiceId }) : c.json({ errors: result.errors }, 400);
  });

  app.post("/orgs/:id/invoices/:invoiceId", async (c) => {
    const org = orgOf(c);
    if (org instanceof Response) return org;
    const input = await parse(c, ConsoleInvoice);
    if (input instanceof Response) return input;
    // A Contact given by an unknown Name is created, as in Xero, so an update can add to the organisation.
    const refused = input.Contact ? full(c, org) : undefined;
    if (refused) return refused;
    const result = admin.updateInvoice(org.organisationId, c.req.param("invoiceId"), input);
    return result.ok ? c.json({ invoiceId: result.value.invoiceId }) : c.json({ errors: result.errors }, 400);
  });

  app.post("/orgs/:id/payments", async (c) => {
    const org = orgOf(c);
    if (org instanceof Response) return org;
    const input = await parse(c, ConsolePayment);
    if (input instanceof Response) return input;
    const refused = full(c, org);
    if (refused) return refused;
    const result = admin.recordPayment(org.organisationId, input.InvoiceID, input.Amount, input.AccountCode);
    return result.ok ? c.json({ paymentId: result.value }) : c.json({ errors: result.errors }, 400);
  });

  app.post("/orgs/:id/payments/:paymentId/delete", (c) => {
    const org = orgOf(c);
    if (org instanceof Response) return org;
    const result = admin.deletePayment(org.organisationId, c.req.param("paymentId"));
    return result.ok ? c.json({ paymentId: result.value }) : c.json({ errors: result.errors }, 400);
  });

  app.get("/connections", (c) => c.json({ connections: admin.connections() }));

  app.post("/orgs/:id/revoke-connection", async (c) => {
    const org = orgOf(c);
    if (org instanceof Response) return org;
    const input = await parse(c, ConsoleEmpty);
    if (input instanceof Response) return input;
    const removed = admin.revokeConnection(org.organisationId);
    return c.json({ tenantId: org.organisationId, removed, connections: admin.connections() });
  });

  app.post("/tokens/expire", async (c) => {
    const input = await parse(c, ConsoleEmpty);
    if (input instanceof Response) return input;
    return c.json({ expiredAt: admin.expireAccessTokens().toISOString() });
  });

  app.post("/clock/advance", async (c) => {
    const input = await parse(c, ConsoleClockAdvance);
    if (input instanceof Response) return input;
    const ms = (input.days ?? 0) * DAY_MS + (input.ms ?? 0);
    // Repeating invoices are generated as the clock passes their dates: a bounded clock bounds them.
    if (admin.clockOffsetMs() + ms > CONSOLE_LIMITS.clockAheadDays * DAY_MS) {
      const ahead = Math.floor(admin.clockOffsetMs() / DAY_MS);
      return refuse(c, [
        {
          field: "days",
          message: `would take the sandbox clock more than ${CONSOLE_LIMITS.clockAheadDays} days ahead (it is ${ahead} days ahead)`,
        },
      ]);
    }
    const generated = admin.advanceClock(ms);
    return c.json({ now: admin.now().toISOString(), generated: generated.map((i) => i.invoiceId) });
  });

  app.post("/faults", async (c) => {
    const input = await parse(c, ConsoleFault);
    if (input instanceof Response) return input;
    if (admin.faults.pending().length >= CONSOLE_LIMITS.pendingFaults) {
      return refuse(c, [
        { field: "kind", message: `${CONSOLE_LIMITS.pendingFaults} fault rules are already pending; clear them first` },
      ]);
    }
    admin.injectFault({
      kind: input.kind,
      count: input.count ?? 1,
      delayMs: input.delayMs,
      pathContains: input.pathContains,
      method: input.method,
    });
    return c.json({ faults: admin.faults.pending() });
  });

  app.delete("/faults", (c) => {
    admin.faults.clear();
    return c.json({ faults: [] });
  });

  app.post("/webhooks", async (c) => {
    const input = await parse(c, ConsoleWebhook);
    if (input instanceof Response) return input;
    const url = input.url || undefined;
    const problem = url === undefined ? undefined : webhookTargetProblem(url, publicUrl);
    if (problem) return refuse(c, [{ field: "url", message: problem }]);
    admin.webhooks.configure(url, input.key || undefined);
    return c.json({ status: admin.webhooks.status });
  });

  app.post("/webhooks/misbehave", async (c) => {
    const input = await parse(c, ConsoleWebhookMisbehave);
    if (input instanceof Response) return input;
    return c.json(admin.webhooks.misbehave({ duplicate: input.duplicate, outOfOrder: input.out_of_order }));
  });

  app.post("/webhooks/replay", (c) => c.json({ replayed: admin.webhooks.replay(), status: admin.webhooks.status }));

  app.post("/webhooks/intent-to-receive", async (c) => c.json({ passed: await admin.webhooks.intentToReceive() }));

  app.get("/log", (c) => c.json(admin.requestLog()));

  app.post("/orgs", async (c) => {
    const input = await parse(c, ConsoleOrganisation);
    if (input instanceof Response) return input;
    if (admin.organisations().length >= CONSOLE_LIMITS.organisations) {
      return refuse(c, [
        {
          field: "name",
          message: `the sandbox already holds ${CONSOLE_LIMITS.organisations} organisations, the most it takes`,
        },
      ]);
    }
    const org = admin.seedOrganisation({ name: input.name ?? "New Demo Organisation" });
    return c.json({ id: org.organisationId });
  });

  return app;
}
