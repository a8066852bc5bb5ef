import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { workspaceBranding } from "../../src/db/schema/index.ts";
import { createSmtpTransport } from "../../src/integrations/mail/index.ts";
import { createCompany, createContact, createProduct } from "../../src/modules/crm/index.ts";
import { addLine, createOpportunity } from "../../src/modules/opportunities/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { deliveryJobsOf, givePaymentLink, mailOf, mailRunner, movableClock } from "./mail-fixtures.ts";
import { mimeParts, partOfType, startSmtpPeer } from "./smtp-peer.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let api: ReturnType<typeof client>;
let peer: Awaited<ReturnType<typeof startSmtpPeer>>;
let runner: ReturnType<typeof mailRunner>;
const time = movableClock();
const PUBLIC_URL = "https://billing.acme.example";

beforeAll(async () => {
  database = await createTestDatabase();
  peer = await startSmtpPeer();
  app = createTestApp(database, {
    clock: time.clock,
    publicUrl: PUBLIC_URL,
    mailFrom: "Acme Billing <billing@acme.example>",
  });
  ws = await seedWorkspace(database, "Acme Studio");
  api = client(app, ws.apiKey);
  runner = mailRunner(database, time.clock, createSmtpTransport(peer.url));
});
afterAll(async () => {
  await peer.close();
  await database.close();
});

async function draftInvoice(lineCount = 1) {
  const deal = await seedDeal(ws.ctx, lineCount);
  const created = await api.post(`/api/v1/opportunities/${deal.opportunity.id}/invoices`, {
    portion: "full",
    due_date: "2026-12-31",
  });
  expect(created.status).toBe(201);
  return { deal, invoice: created.body };
}

function htmlOf(raw: string): string {
  return partOfType(mimeParts(raw), "text/html")?.body.toString("utf8") ?? "";
}

function textOf(raw: string): string {
  return partOfType(mimeParts(raw), "text/plain")?.body.toString("utf8") ?? "";
}

describe("sending a native invoice by email", () => {
  it("approves the draft, promotes its lines and delivers the email with the PDF, Pay now and portal links", async () => {
    const { deal, invoice } = await draftInvoice(1);
    const payUrl = await givePaymentLink(database, invoice, ws.workspaceId);
    const before = peer.received.length;

    const sent = await api.post(`/api/v1/invoices/${invoice.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ id: invoice.id, status: "AUTHORISED" });
    expect(sent.body.sent_at).toBeTruthy();
    const lines = await api.get(`/api/v1/opportunities/${deal.opportunity.id}/products`);
    expect(lines.body.data[0].payment_status).toBe("invoiced");

    const queued = await api.get(`/api/v1/mail?related_id=${invoice.id}`);
    expect(queued.body.data).toHaveLength(1);
    expect(queued.body.data[0]).toMatchObject({
      to: [{ email: "mia@example.test", name: "Mia Chen" }],
      subject: `Invoice ${invoice.number} from Acme Studio`,
      state: "queued",
      smtp_response: null,
      related_id: invoice.id,
    });

    await runner.drain();
    expect(peer.received.length).toBe(before + 1);
    const message = peer.received.at(-1);
    expect(message?.to).toEqual(["mia@example.test"]);
    expect(message?.from).toBe("billing@acme.example");
    expect(message?.user).toBe("settle");
    const parts = mimeParts(message?.raw ?? "");
    const pdf = partOfType(parts, "application/pdf");
    expect(pdf?.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf?.headers["content-type"]).toContain(`${invoice.number}.pdf`);

    const html = htmlOf(message?.raw ?? "");
    expect(html).toContain(invoice.number);
    expect(html).toContain("$2,812.50"); // 2,500.00 + 12.5% tax, the amount due
    expect(html).toContain("Dec 31, 2026");
    expect(html).toContain("Website build");
    expect(html).toContain(`href="${payUrl}"`);
    const portal = /href="([^"]+)" data-mail-link="portal"/.exec(html)?.[1] ?? "";
    expect(portal.startsWith(`${PUBLIC_URL}/portal`)).toBe(true);
    expect(html).not.toMatch(/<img[^>]+src="https?:/);
    const text = textOf(message?.raw ?? "");
    expect(text).toContain(`Pay now: ${payUrl}`);
    expect(text).toContain(`Client portal: ${portal}`);

    const [log] = (await api.get(`/api/v1/mail?related_id=${invoice.id}`)).body.data;
    expect(log).toMatchObject({ state: "sent", transport: "smtp", attempts: 1 });
    expect(log.smtp_response).toMatch(/^250 /);
    const detail = await api.get(`/api/v1/mail/${log.id}`);
    expect(detail.body.html).toContain(`href="${portal}"`);
    expect(detail.body.html).toContain(`href="${payUrl}"`);
    expect(detail.body.text).toContain(invoice.number);
  });

  it("sends to the chosen contacts, each with their own portal link; resend is a new message", async () => {
    const { deal, invoice } = await draftInvoice(1);
    const other = await createContact(ws.ctx, {
      name: "Sam Ortiz",
      company_id: deal.company.id,
      email: "sam@example.test",
    });
    const sent = await api.post(`/api/v1/invoices/${invoice.id}/send`, { contact_ids: [deal.contact.id, other.id] });
    expect(sent.status).toBe(200);
    await runner.drain();
    const rows = await mailOf(database, invoice.id);
    expect(rows.map((r) => r.to[0]?.email).sort()).toEqual(["mia@example.test", "sam@example.test"]);
    const portals = rows.map(
      (r) => /data-mail-link="portal"/.test(r.html) && /href="([^"]+)" data-mail-link="portal"/.exec(r.html)?.[1],
    );
    expect(new Set(portals).size).toBe(2);

    time.advance(60_000);
    const again = await api.post(`/api/v1/invoices/${invoice.id}/send`, { contact_ids: [other.id] });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("AUTHORISED");
    expect(await mailOf(database, invoice.id)).toHaveLength(3);
    await runner.drain();
  });

  it("sends one email for a double click and for a retried request", async () => {
    const { invoice } = await draftInvoice(1);
    const [a, b] = await Promise.all([
      api.post(`/api/v1/invoices/${invoice.id}/send`, {}),
      api.post(`/api/v1/invoices/${invoice.id}/send`, {}),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const retried = await api.post(`/api/v1/invoices/${invoice.id}/send`, {});
    expect(retried.status).toBe(200);
    expect(await mailOf(database, invoice.id)).toHaveLength(1);

    time.advance(30_000);
    const key = { "idempotency-key": `send-${invoice.id}` };
    expect((await api.post(`/api/v1/invoices/${invoice.id}/send`, {}, key)).status).toBe(200);
    time.advance(30_000);
    expect((await api.post(`/api/v1/invoices/${invoice.id}/send`, {}, key)).status).toBe(200);
    expect(await mailOf(database, invoice.id)).toHaveLength(2);

    const before = peer.received.length;
    await runner.drain();
    expect(peer.received.length).toBe(before + 2);
  });

  it("escapes names and lines: <script> stays text", async () => {
    const company = await createCompany(ws.ctx, { name: "<script>alert(1)</script> Ltd" });
    const contact = await createContact(ws.ctx, {
      name: '"><img src=x onerror=alert(1)>',
      company_id: company.id,
      email: "x@example.test",
    });
    const product = await createProduct(ws.ctx, {
      name: "<script>steal()</script>",
      unit_amount: 1000,
      currency: "USD",
    });
    const opportunity = await createOpportunity(ws.ctx, {
      name: "<b>Escaped</b>",
      company_id: company.id,
      primary_contact_id: contact.id,
      currency: "USD",
    });
    await addLine(ws.ctx, { opportunity_id: opportunity.id, product_id: product.id, quantity: 1 });
    const invoice = await api.post(`/api/v1/opportunities/${opportunity.id}/invoices`, { portion: "full" });
    expect(invoice.status).toBe(201);
    const sent = await api.post(`/api/v1/invoices/${invoice.body.id}/send`, {});
    expect(sent.status).toBe(200);
    const [row] = await mailOf(database, invoice.body.id);
    expect(row?.html).not.toContain("<script>");
    expect(row?.html).not.toContain("<img src=x");
    expect(row?.html).toContain("&lt;script&gt;steal()&lt;/script&gt;");
    expect(row?.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(row?.text).toContain("<script>steal()</script>");
    await runner.drain();
    const [delivered] = await mailOf(database, invoice.body.id);
    expect(delivered?.state).toBe("sent");
  });

  it("carries the workspace's branding: name, accent colour and the logo inline (cid:), never remote", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    await database.db
      .insert(workspaceBranding)
      .values({
        workspaceId: ws.workspaceId,
        displayName: "Acme & Sons",
        accentColor: "#c0ffee",
        logo: png,
        logoMimeType: "image/png",
      })
      .onConflictDoUpdate({
        target: workspaceBranding.workspaceId,
        set: { displayName: "Acme & Sons", accentColor: "#c0ffee", logo: png, logoMimeType: "image/png" },
      });
    try {
      const { invoice } = await draftInvoice(1);
      await api.post(`/api/v1/invoices/${invoice.id}/send`, {});
      await runner.drain();
      const message = peer.received.at(-1);
      const parts = mimeParts(message?.raw ?? "");
      const logo = partOfType(parts, "image/png");
      expect(logo?.headers["content-id"]).toBe("<logo@settle>");
      expect(logo?.body.equals(png)).toBe(true);
      const html = htmlOf(message?.raw ?? "");
      expect(html).toContain('src="cid:logo@settle"');
      expect(html).toContain("#c0ffee");
      expect(html).toContain("Acme &amp; Sons");
      const [row] = (await api.get(`/api/v1/mail?related_id=${invoice.id}`)).body.data;
      expect(row.subject).toBe(`Invoice ${invoice.number} from Acme & Sons`);
      const detail = await api.get(`/api/v1/mail/${row.id}`);
      expect(detail.body.preview_html).toContain(`src="data:image/png;base64,${png.toString("base64")}"`);
    } finally {
      await database.db.delete(workspaceBranding).where(eq(workspaceBranding.workspaceId, ws.workspaceId));
    }
  });

  it("refuses contacts without an email and contacts of another workspace", async () => {
    const { deal, invoice } = await draftInvoice(1);
    const silent = await createContact(ws.ctx, { name: "No Mail", company_id: deal.company.id });
    const noEmail = await api.post(`/api/v1/invoices/${invoice.id}/send`, { contact_ids: [silent.id] });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error.issues[0].field).toBe("contact_ids");

    const elsewhere = await seedWorkspace(database, "Elsewhere");
    const stranger = await createContact(elsewhere.ctx, { name: "Stranger", email: "s@example.test" });
    const foreign = await api.post(`/api/v1/invoices/${invoice.id}/send`, { contact_ids: [stranger.id] });
    expect(foreign.status).toBe(404);
    const untouched = await api.get(`/api/v1/invoices/${invoice.id}`);
    expect(untouched.body.status).toBe("DRAFT");
    expect(await mailOf(database, invoice.id)).toHaveLength(0);
    expect((await client(app, elsewhere.apiKey).get(`/api/v1/mail?related_id=${invoice.id}`)).body.data).toEqual([]);
  });
});

describe("delivery results", () => {
  it("a 550 reply fails the message at once with the server's reply, without a retry", async () => {
    const { invoice } = await draftInvoice(1);
    await api.post(`/api/v1/invoices/${invoice.id}/send`, {});
    peer.verdicts.push({ code: 550, message: "5.1.1 Mailbox unavailable: mia@example.test" });
    const calls = peer.dataCommands();
    await runner.drain();
    time.advance(3_600_000);
    await runner.drain();
    expect(peer.dataCommands()).toBe(calls + 1);
    const [row] = await mailOf(database, invoice.id);
    expect(row).toMatchObject({ state: "failed", attempts: 1, transport: "smtp" });
    expect(row?.smtpResponse).toContain("550");
    expect(row?.smtpResponse).toContain("Mailbox unavailable");
    const jobs = await deliveryJobsOf(database, row?.id ?? "");
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual([["succeeded", 1]]);
    const shown = (await api.get(`/api/v1/mail?related_id=${invoice.id}`)).body.data[0];
    expect(shown).toMatchObject({ state: "failed" });
    expect(shown.smtp_response).toContain("550");
  });

  it("a 421 reply is retried with backoff, then delivered", async () => {
    const { invoice } = await draftInvoice(1);
    await api.post(`/api/v1/invoices/${invoice.id}/send`, {});
    peer.verdicts.push({ code: 421, message: "4.3.2 Try again later" });
    const before = peer.received.length;
    await runner.drain();
    let [row] = await mailOf(database, invoice.id);
    expect(row).toMatchObject({ state: "queued", attempts: 1 });
    expect(row?.smtpResponse).toContain("421");
    const [job] = await deliveryJobsOf(database, row?.id ?? "");
    expect(job?.status).toBe("queued");
    expect(job?.runAt.getTime()).toBeGreaterThan(time.clock.now().getTime());

    await runner.drain();
    expect(peer.received.length).toBe(before);
    time.advance(60_000);
    await runner.drain();
    expect(peer.received.length).toBe(before + 1);
    [row] = await mailOf(database, invoice.id);
    expect(row).toMatchObject({ state: "sent", attempts: 2 });
    expect(row?.smtpResponse).toMatch(/^250 /);
  });
});

describe("reading the mail log", () => {
  it("invoice mail needs invoices:read; a key without it gets 403", async () => {
    const reader = client(app, await keyWithScopes(database, ws, ["invoices:read"]));
    const page = await reader.get("/api/v1/mail");
    expect(page.status).toBe(200);
    expect(page.body.data.every((m: { related_type: string }) => m.related_type === "invoice")).toBe(true);
    const outsider = client(app, await keyWithScopes(database, ws, ["opportunities:read"]));
    expect((await outsider.get("/api/v1/mail")).status).toBe(403);
  });
});
