import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createCompany, createContact } from "../../src/modules/crm/index.ts";
import { createOpportunity } from "../../src/modules/opportunities/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { addPaymentLink, movableClock, portalCookieOf, raiseInvoice } from "./portal-fixtures.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let api: ReturnType<typeof client>;
const clock = movableClock();

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { clock, publicUrl: "http://localhost:3000" });
  ws = await seedWorkspace(database, "Portal pages");
  api = client(app, ws.apiKey);
});
afterAll(() => database.close());

async function newLink(contactId: string, body: Record<string, unknown> = {}) {
  const res = await api.post(`/api/v1/contacts/${contactId}/portal-links`, body);
  expect(res.status).toBe(201);
  return { id: String(res.body.id), path: new URL(res.body.url).pathname };
}

/** Opens the link like a browser: the token answer and the page it redirects to. */
async function open(path: string) {
  const first = await app.request(path);
  const cookie = portalCookieOf(first);
  return { first, cookie, page: (p = "/portal") => app.request(p, { headers: cookie ? { cookie } : {} }) };
}

describe("opening a portal link", () => {
  it("starts a session scoped to /portal and takes the token out of the address", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const invoice = await raiseInvoice(api, deal.opportunity.id);
    const link = await newLink(deal.contact.id);
    const { first, cookie, page } = await open(link.path);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/portal");
    const set = first.headers.get("set-cookie") ?? "";
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\/portal(;|$)/);
    expect(set).toMatch(/Expires=/);
    expect(cookie).not.toBe("");

    const home = await page();
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toMatch(/text\/html/);
    expect(home.headers.get("cache-control")).toBe("no-store");
    expect(home.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(home.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const body = await home.text();
    expect(body).toContain(invoice.number);
    expect(body).toContain("Awaiting payment");
    expect(body).toContain(deal.company.name);
    expect(body).toContain("Portal pages");
    expect(body).toContain(`/portal/invoices/${invoice.id}/pdf`);
    expect(body).not.toContain("Pay now");
    expect(body).not.toContain("<script");

    // Without the cookie the portal is closed; the link's address starts a new session whenever it is opened.
    expect((await app.request("/portal")).status).toBe(401);
    expect((await open(link.path)).first.status).toBe(303);
    const listed = await api.get(`/api/v1/contacts/${deal.contact.id}/portal-links`);
    expect(listed.body.data[0].last_used_at).toBeTruthy();
  });

  it("lists the company's sent invoices with amount due and due date, not drafts, and Pay now with an active link", async () => {
    const deal = await seedDeal(ws.ctx, 2);
    const sent = await raiseInvoice(api, deal.opportunity.id);
    const draft = await raiseInvoice(api, deal.opportunity.id, { draft: true });
    await addPaymentLink(database, ws.workspaceId, sent.id, "https://pay.example.test/plink_abc?x=1&y=2");
    const { page } = await open((await newLink(deal.contact.id)).path);
    const body = await (await page()).text();
    expect(body).toContain(sent.number);
    expect(body).not.toContain(draft.number);
    expect(body).toContain("Jan 31, 2030");
    expect(body).toMatch(/data-testid="portal-invoice-due">\$[\d,]+\.\d\d</);
    expect(body).toContain('href="https://pay.example.test/plink_abc?x=1&amp;y=2"');
    expect(body).toContain("Pay now");

    const paid = await api.post(`/api/v1/invoices/${sent.id}/payments`, {
      amount: (await api.get(`/api/v1/invoices/${sent.id}`)).body.total_amount,
      paid_on: "2029-12-01",
      method: "bank_transfer",
    });
    expect(paid.body.status).toBe("PAID");
    const after = await (await page()).text();
    expect(after).toContain(">Paid<");
    expect(after).not.toContain("Pay now");
    expect(after).toContain('data-testid="portal-invoice-due">$0.00<');
  });

  it("shows the same clear page for unknown, expired and revoked links", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    await raiseInvoice(api, deal.opportunity.id);
    const unknown = await app.request(`/portal/${"A".repeat(43)}`);
    expect(unknown.status).toBe(404);
    const unknownText = await unknown.text();
    expect(unknownText).toContain("expired or was revoked");
    expect(unknownText).toContain("ask the person who sent it");
    expect((await app.request("/portal/not-a-token")).status).toBe(404);

    const revoked = await newLink(deal.contact.id);
    const session = await open(revoked.path);
    expect((await session.page()).status).toBe(200);
    expect((await api.delete(`/api/v1/portal-links/${revoked.id}`)).status).toBe(204);
    // Revoking ends the open session at once, and the link no longer starts one.
    const ended = await session.page();
    expect(ended.status).toBe(410);
    expect(ended.headers.get("set-cookie")).toMatch(/settle_portal=;/);
    const endedText = await ended.text();
    expect(endedText).toContain("expired or was revoked");
    const again = await app.request(revoked.path);
    expect(again.status).toBe(410);
    expect(again.headers.get("set-cookie") ?? "").not.toMatch(/settle_portal=[A-Za-z0-9_-]+/);
    // Same words whatever the reason: the page does not say which.
    expect((await again.text()).replace(/\s+/g, " ")).toBe(unknownText.replace(/\s+/g, " "));

    const short = await newLink(deal.contact.id, { expires_in_days: 1 });
    const shortSession = await open(short.path);
    expect((await shortSession.page()).status).toBe(200);
    clock.advanceDays(2);
    try {
      expect((await shortSession.page()).status).toBe(410);
      expect((await app.request(short.path)).status).toBe(410);
    } finally {
      clock.advanceDays(-2);
    }
  });
});

describe("what a portal session can reach", () => {
  it("downloads its own invoices' PDFs, never another company's or a draft's (404), and never /api/v1 (401)", async () => {
    const mine = await seedDeal(ws.ctx, 1);
    const theirs = await seedDeal(ws.ctx, 1);
    const own = await raiseInvoice(api, mine.opportunity.id);
    const draft = await raiseInvoice(api, mine.opportunity.id, { draft: true });
    const foreign = await raiseInvoice(api, theirs.opportunity.id);
    const { cookie, page } = await open((await newLink(mine.contact.id)).path);

    const home = await (await page()).text();
    expect(home).not.toContain(foreign.number);
    expect(home).not.toContain(theirs.company.name);

    const pdf = await page(`/portal/invoices/${own.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain("attachment");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    for (const id of [foreign.id, draft.id, "inv_doesnotexist"]) {
      const refused = await page(`/portal/invoices/${id}/pdf`);
      expect(refused.status).toBe(404);
      expect(refused.headers.get("content-type")).toMatch(/text\/html/);
    }

    for (const path of ["/api/v1/me", `/api/v1/invoices/${own.id}`, `/api/v1/contacts/${mine.contact.id}`]) {
      const api401 = await app.request(path, { headers: { cookie } });
      expect(api401.status).toBe(401);
    }
    expect((await page("/portal/anything/else")).status).toBe(404);
  });

  it("keeps everything a client sees as text: a company named <script> stays escaped", async () => {
    const company = await createCompany(ws.ctx, { name: `<script>alert(1)</script> & "Sons"` });
    const contact = await createContact(ws.ctx, {
      name: "<b>Eve</b>",
      company_id: company.id,
      email: "e@example.test",
    });
    const opportunity = await createOpportunity(ws.ctx, {
      name: "<img src=x onerror=alert(2)>",
      company_id: company.id,
      primary_contact_id: contact.id,
      currency: "USD",
    });
    const invoice = await raiseInvoice(api, opportunity.id, { description: "<i>work</i>" });
    const { page } = await open((await newLink(contact.id)).path);
    const body = await (await page()).text();
    expect(body).not.toContain("<script>alert(1)");
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Sons&quot;");
    expect(body).not.toContain("onerror=alert(2)");
    expect(body).not.toContain("<b>Eve</b>");
    expect(body).toContain(invoice.number);
  });
});

describe("token attempts", () => {
  it("are limited per IP and answered with a 429 page", async () => {
    const limited = createTestApp(database, { clock });
    const deal = await seedDeal(ws.ctx);
    const link = await newLink(deal.contact.id);
    for (let i = 0; i < 30; i++) {
      expect((await limited.request(`/portal/${"B".repeat(42)}${i % 10}`)).status).toBe(404);
    }
    const refused = await limited.request(link.path);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many attempts");
    // A bad session cookie counts too once the budget is spent.
    const cookie = await limited.request("/portal", { headers: { cookie: `settle_portal=${"C".repeat(43)}` } });
    expect(cookie.status).toBe(429);
  });
});
