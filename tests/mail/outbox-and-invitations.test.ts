import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import { createSmtpTransport } from "../../src/integrations/mail/index.ts";
import { client, createTestApp, type TestApp } from "../support/app.ts";
import { keyWithScopes, seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { mailOf, mailRunner, movableClock } from "./mail-fixtures.ts";
import { mimeParts, partOfType, startSmtpPeer } from "./smtp-peer.ts";

let database: Database;
let app: TestApp;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let api: ReturnType<typeof client>;
const time = movableClock();

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { clock: time.clock });
  ws = await seedWorkspace(database, "Outbox Co");
  api = client(app, ws.apiKey);
});
afterAll(() => database.close());

async function inviteRoleId(): Promise<string> {
  const roles = await api.get("/api/v1/roles");
  return roles.body.data.find((r: { name: string }) => r.name.toLowerCase() === "editor").id;
}

describe("the Outbox (no SMTP_URL)", () => {
  it("keeps the message in the log as sent, rendered for the app", async () => {
    const deal = await seedDeal(ws.ctx, 1);
    const invoice = (await api.post(`/api/v1/opportunities/${deal.opportunity.id}/invoices`, { portion: "full" })).body;
    expect((await api.post(`/api/v1/invoices/${invoice.id}/send`, {})).status).toBe(200);
    await mailRunner(database, time.clock).drain();
    const [row] = (await api.get(`/api/v1/mail?related_id=${invoice.id}`)).body.data;
    expect(row).toMatchObject({ state: "sent", transport: "outbox", attempts: 1, related_type: "invoice" });
    expect(row.smtp_response).toContain("Outbox");
    const detail = await api.get(`/api/v1/mail/${row.id}`);
    expect(detail.body.subject).toBe(`Invoice ${invoice.number} from Outbox Co`);
    expect(detail.body.preview_html).toContain("http://localhost:3000/portal");
    expect(detail.body.text).toContain("Client portal: http://localhost:3000/portal");
    expect(detail.body.attachments).toEqual([{ kind: "invoice_pdf", filename: `${invoice.number}.pdf` }]);
  });

  it("reads SMTP_URL and MAIL_FROM from the environment, refusing other schemes", () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: "Settle <no-reply@localhost>" });
    const configured = loadConfig({ SMTP_URL: "smtps://u:p@mail.example:465", MAIL_FROM: "Acme <a@acme.example>" });
    expect(configured.mail).toEqual({ smtpUrl: "smtps://u:p@mail.example:465", from: "Acme <a@acme.example>" });
    expect(() => loadConfig({ SMTP_URL: "http://mail.example" })).toThrow(/SMTP_URL/);
  });

  it("another workspace's message is 404", async () => {
    const [mine] = (await api.get("/api/v1/mail")).body.data;
    const other = await seedWorkspace(database, "Other");
    expect((await client(app, other.apiKey).get(`/api/v1/mail/${mine.id}`)).status).toBe(404);
  });
});

describe("invitation emails", () => {
  it("inviting a member queues an email with the accept link, delivered over SMTP", async () => {
    const peer = await startSmtpPeer();
    try {
      const invited = await api.post("/api/v1/members", {
        email: "newcomer@example.test",
        name: "New <Comer>",
        role_id: await inviteRoleId(),
      });
      expect(invited.status).toBe(201);
      const [row] = await mailOf(database, invited.body.id);
      expect(row).toMatchObject({
        state: "queued",
        relatedType: "member",
        to: [{ email: "newcomer@example.test", name: "New <Comer>" }],
      });
      expect(row?.subject).toBe("You're invited to Outbox Co on Settle");

      await mailRunner(database, time.clock, createSmtpTransport(peer.url)).drain();
      expect(peer.received).toHaveLength(1);
      expect(peer.received[0]?.to).toEqual(["newcomer@example.test"]);
      const html = partOfType(mimeParts(peer.received[0]?.raw ?? ""), "text/html")?.body.toString("utf8") ?? "";
      expect(html).toContain(invited.body.invite_url);
      const [sent] = await mailOf(database, invited.body.id);
      expect(sent).toMatchObject({ state: "sent", transport: "smtp" });

      // The invite link is a credential: only settings:write reads invitation mail.
      const reader = client(app, await keyWithScopes(database, ws, ["invoices:read"]));
      expect((await reader.get(`/api/v1/mail/${sent?.id}`)).status).toBe(404);
      expect((await api.get(`/api/v1/mail/${sent?.id}`)).status).toBe(200);
    } finally {
      await peer.close();
    }
  });

  it("sending an invite again emails the new link, and the old link is in no later mail", async () => {
    const invited = await api.post("/api/v1/members", {
      email: "late@example.test",
      name: "Late Reader",
      role_id: await inviteRoleId(),
    });
    const resent = await api.post(`/api/v1/members/${invited.body.id}/invite`, { expires_in_days: 3 });
    expect(resent.status).toBe(200);
    expect(resent.body.invite_url).not.toBe(invited.body.invite_url);
    const rows = await mailOf(database, invited.body.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ state: "queued", to: [{ email: "late@example.test", name: "Late Reader" }] });
    expect(rows[1]?.html).toContain(resent.body.invite_url);
    expect(rows[1]?.html).not.toContain(invited.body.invite_url);
  });
});
