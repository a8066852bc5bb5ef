import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { type SeededDeal, seedDeal } from "../support/crm-builders.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { call, callError, listen, mcpClient } from "./support.ts";

let database: Database;
let server: Awaited<ReturnType<typeof listen>>;
let agent: Client;
let seeded: SeededDeal;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await listen(createTestApp(database));
  const ws = await seedWorkspace(database, "Dental group");
  seeded = await seedDeal(ws.ctx);
  agent = await mcpClient(server.url, ws.apiKey);
});
afterAll(async () => {
  await agent.close();
  await server.close();
  await database.close();
});

type Line = { id: string; payment_status: string; opportunity_name: string; line_total_amount: number };
const unpaidOf = async (company_id: string): Promise<Line[]> =>
  (await call(agent, "list_unpaid_lines", { company_id })).data;

describe("a billing assistant's session, through MCP only", () => {
  it("finds a company's unpaid lines, raises the balance (dry run, then for real), records payment: every line Paid", async () => {
    // Setting the scene as an agent would: a deal with two lines, a deposit invoiced and paid.
    const companies = await call(agent, "search_companies", { q: seeded.company.name.slice(0, 10).toLowerCase() });
    const company = companies.data.find((c: { name: string }) => c.name === seeded.company.name);
    expect(company).toBeDefined();
    const products = await call(agent, "list_products", { q: "website" });
    const product = products.data[0];
    expect(product).toMatchObject({ name: "Website build", unit_amount: 250_000 });
    const opp = await call(agent, "create_opportunity", {
      name: "Clinic fit-out",
      company_id: company.id,
      primary_contact_id: seeded.contact.id,
      currency: "USD",
    });
    await call(agent, "add_opportunity_product", { opportunity_id: opp.id, product_id: product.id, quantity: 1 });
    await call(agent, "add_opportunity_product", {
      opportunity_id: opp.id,
      product_id: product.id,
      quantity: 2,
      discount_percent: 10,
    });
    const deposit = await call(agent, "create_invoice", { opportunity_id: opp.id, portion: "deposit" });
    const sentDeposit = await call(agent, "send_invoice", { invoice_id: deposit.id });
    await call(agent, "record_payment", {
      invoice_id: deposit.id,
      amount: sentDeposit.amount_due_amount,
      paid_on: "2025-03-01",
      method: "bank_transfer",
    });

    // "What is still unpaid for Harbour Dental?"
    const open = await unpaidOf(company.id);
    expect(open).toHaveLength(2);
    expect(open.every((l) => l.payment_status === "deposit_invoiced" && l.opportunity_name === "Clinic fit-out")).toBe(
      true,
    );
    const lineTotal = open.reduce((sum, l) => sum + l.line_total_amount, 0);
    expect(lineTotal).toBe(250_000 + 450_000);

    const dry = await call(agent, "create_invoice", { opportunity_id: opp.id, portion: "balance", dry_run: true });
    expect(dry).toMatchObject({ dry_run: true, status: "DRAFT", portion: "balance" });
    const before = await call(agent, "list_invoices", { opportunity_id: opp.id });
    expect(before.data).toHaveLength(1);

    const key = "balance-clinic-fit-out";
    const balance = await call(agent, "create_invoice", {
      opportunity_id: opp.id,
      portion: "balance",
      idempotency_key: key,
    });
    expect(balance.total_amount).toBe(dry.total_amount);
    expect(balance.dry_run).toBeUndefined();
    const replay = await call(agent, "create_invoice", {
      opportunity_id: opp.id,
      portion: "balance",
      idempotency_key: key,
    });
    expect(replay.id).toBe(balance.id);
    expect((await call(agent, "list_invoices", { opportunity_id: opp.id })).data).toHaveLength(2);

    const sent = await call(agent, "send_invoice", { invoice_id: balance.id, idempotency_key: `send-${balance.id}` });
    expect((await unpaidOf(company.id)).map((l) => l.payment_status)).toEqual(["invoiced", "invoiced"]);

    const payment = {
      invoice_id: balance.id,
      amount: sent.amount_due_amount,
      paid_on: "2025-03-20",
      method: "bank_transfer",
      idempotency_key: `pay-${balance.id}`,
    };
    const dryPay = await call(agent, "record_payment", { ...payment, dry_run: true });
    expect(dryPay).toMatchObject({ dry_run: true, status: "PAID" });
    expect((await call(agent, "get_invoice", { invoice_id: balance.id })).status).toBe("AUTHORISED");
    const paid = await call(agent, "record_payment", payment);
    const again = await call(agent, "record_payment", payment);
    expect(again).toEqual(paid);
    expect(paid).toMatchObject({ status: "PAID", amount_due_amount: 0, amount_paid_amount: sent.amount_due_amount });

    expect(await unpaidOf(company.id)).toEqual([]);
    const lines = await call(agent, "get_opportunity_products", { opportunity_id: opp.id });
    expect(lines.data.map((l: Line) => l.payment_status)).toEqual(["paid", "paid"]);
    const summary = await call(agent, "get_invoice_summary", { opportunity_id: opp.id });
    expect(summary).toMatchObject({ currency: "USD", outstanding_amount: 0 });
    expect(summary.paid_amount).toBe(summary.invoiced_amount);
  });

  it("refuses an idempotency_key reused with other arguments, and a dry run writes nothing", async () => {
    const opp = await call(agent, "create_opportunity", {
      name: "Second site",
      company_id: seeded.company.id,
      currency: "USD",
    });
    await call(agent, "add_opportunity_product", { opportunity_id: opp.id, product_id: seeded.product.id });
    const first = await call(agent, "create_invoice", {
      opportunity_id: opp.id,
      portion: "full",
      idempotency_key: "k1",
    });
    const text = await callError(agent, "create_invoice", {
      opportunity_id: opp.id,
      portion: "deposit",
      idempotency_key: "k1",
    });
    expect(text).toMatch(/^conflict: .*different arguments/);
    const voided = await call(agent, "void_invoice", { invoice_id: first.id, dry_run: true });
    expect(voided).toMatchObject({ dry_run: true, status: "VOIDED" });
    expect((await call(agent, "get_invoice", { invoice_id: first.id })).status).toBe("DRAFT");
  });
});
