import { describe, expect, it } from "vitest";
import { XERO_NZ_TENANT } from "../support/xero-server.ts";
import { xeroInvoicingSuite } from "./xero-invoicing-suite.ts";

const { suite, mixedOpportunity, body, xeroOrg, statuses } = xeroInvoicingSuite();

describe("Xero invoicing", () => {
  it("sends each line with its own tax type, so Xero's totals are the preview's, and says what may be done next", async () => {
    const { api, oppId } = await mixedOpportunity("Xero mixed tax");
    const noAccount = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body());
    expect(noAccount.status).toBe(400);
    expect(noAccount.body.error.issues[0].field).toBe("account_code");
    const settings = await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
    expect(settings.body.default_account_code).toBe("200");
    expect((await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "090" })).status).toBe(400);

    const preview = await api("POST", `/api/v1/opportunities/${oppId}/invoices/preview`, { portion: "full" });
    const sent = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body());
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      provider: "xero",
      status: "AUTHORISED",
      xero_tenant_id: XERO_NZ_TENANT,
      subtotal_amount: preview.body.subtotal_amount,
      tax_amount: preview.body.tax_amount,
      total_amount: preview.body.total_amount,
      preview_total_amount: preview.body.total_amount,
    });
    expect(sent.body.allowed_actions).toEqual(["edit", "send", "record_payment", "void", "sync"]);
    const remote = xeroOrg()?.invoices[sent.body.xero_invoice_id.toLowerCase()];
    expect(remote?.lineItems.map((l) => l.taxType)).toEqual(["OUTPUT2", "NONE"]);
    expect(remote?.reference).toBe(sent.body.id);
    expect(await statuses(api, oppId)).toEqual(["invoiced", "invoiced"]);
  });

  it("acts on a Xero invoice in Xero first: edit, send, pay to a bank account, and refusals carry Xero's words", async () => {
    const { api, oppId } = await mixedOpportunity("Xero actions");
    await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
    const native = await api("POST", `/api/v1/opportunities/${oppId}/invoices`, { portion: "full" });
    expect(native.status).toBe(409);
    expect(native.body.error.fix).toContain("Disconnect Xero to invoice natively");

    const draft = await api(
      "POST",
      `/api/v1/opportunities/${oppId}/xero-invoices`,
      body({ portion: "deposit", status: "DRAFT" }),
    );
    expect(draft.body.allowed_actions).toEqual(["edit", "approve", "delete", "sync"]);
    const remote = () => xeroOrg()?.invoices[draft.body.xero_invoice_id.toLowerCase()];
    const edited = await api("PATCH", `/api/v1/invoices/${draft.body.id}`, {
      due_date: "2030-03-31",
      reference: "Stage 1",
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ due_date: "2030-03-31", reference: "Stage 1" });
    expect(remote()?.reference).toBe(`Stage 1 · ${draft.body.id}`);
    expect(await statuses(api, oppId)).toEqual(["unpaid", "unpaid"]);
    const refusedPay = await api("POST", `/api/v1/invoices/${draft.body.id}/payments`, {
      paid_on: "2026-12-01",
      bank_account_id: "x",
    });
    expect(refusedPay.status).toBe(409);

    const approved = await api("POST", `/api/v1/invoices/${draft.body.id}/approve`);
    expect(approved.body.status).toBe("AUTHORISED");
    expect(remote()?.status).toBe("AUTHORISED");
    expect(await statuses(api, oppId)).toEqual(["deposit_invoiced", "deposit_invoiced"]);
    const sentMail = await api("POST", `/api/v1/invoices/${draft.body.id}/send`);
    expect(sentMail.status, JSON.stringify(sentMail.body)).toBe(200);
    expect(suite.server.sandbox.admin.emails(XERO_NZ_TENANT).map((e) => e.invoiceId)).toContain(remote()?.invoiceId);

    const accounts = (await api("GET", "/api/v1/integrations/xero/accounts")).body.data;
    const notBank = await api("POST", `/api/v1/invoices/${draft.body.id}/payments`, {
      paid_on: "2026-12-01",
      bank_account_id: accounts[0].id,
    });
    expect(notBank.status).toBe(400);
    expect(notBank.body.error.message).toContain("Account type is invalid for making a payment");
    const bank = (await api("GET", "/api/v1/integrations/xero/bank-accounts")).body.data[0];
    const over = await api("POST", `/api/v1/invoices/${draft.body.id}/payments`, {
      paid_on: "2026-12-01",
      bank_account_id: bank.id,
      amount: draft.body.total_amount + 1,
    });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain("exceeds the amount outstanding");
    const paid = await api("POST", `/api/v1/invoices/${draft.body.id}/payments`, {
      paid_on: "2026-12-01",
      bank_account_id: bank.id,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ status: "PAID", amount_due_amount: 0, allowed_actions: ["sync"] });
    expect(paid.body.paid_at).toBe("2026-12-01T00:00:00.000Z");
    expect(remote()?.status).toBe("PAID");
    const voidPaid = await api("POST", `/api/v1/invoices/${draft.body.id}/void`);
    expect(voidPaid.status).toBe(409);
    // A paid deposit alone leaves its lines deposit_invoiced.
    expect(await statuses(api, oppId)).toEqual(["deposit_invoiced", "deposit_invoiced"]);
  });

  it("voids an approved Xero invoice and deletes a draft in Xero, and never only locally", async () => {
    const { api, oppId } = await mixedOpportunity("Xero void");
    await api("PATCH", "/api/v1/integrations/xero", { default_account_code: "200" });
    const approved = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, body({ portion: "deposit" }));
    const voided = await api("POST", `/api/v1/invoices/${approved.body.id}/void`);
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: "VOIDED", allowed_actions: [] });
    expect(xeroOrg()?.invoices[approved.body.xero_invoice_id.toLowerCase()]?.status).toBe("VOIDED");
    const draft = await api(
      "POST",
      `/api/v1/opportunities/${oppId}/xero-invoices`,
      body({ portion: "balance", status: "DRAFT", confirm_double_billing: true }),
    );
    const deleted = await api("PATCH", `/api/v1/invoices/${draft.body.id}`, { status: "DELETED" });
    expect(deleted.body.status).toBe("DELETED");
    expect(xeroOrg()?.invoices[draft.body.xero_invoice_id.toLowerCase()]?.status).toBe("DELETED");
    // Xero refusing leaves Settle's copy as it was.
    suite.server.sandbox.admin.injectFault({ kind: "503", count: 1, pathContains: "/Invoices/", method: "POST" });
    const third = await api(
      "POST",
      `/api/v1/opportunities/${oppId}/xero-invoices`,
      body({
        portion: "deposit",
        line_ids: (await api("GET", `/api/v1/opportunities/${oppId}/products`)).body.data.map(
          (l: { id: string }) => l.id,
        ),
        confirm_double_billing: true,
      }),
    );
    expect(third.status, JSON.stringify(third.body)).toBe(201);
    const failed = await api("PATCH", `/api/v1/invoices/${third.body.id}`, { due_date: "2031-01-01" });
    expect(failed.status).toBe(502);
    expect((await api("GET", `/api/v1/invoices/${third.body.id}`)).body.due_date).toBe("2030-01-31");
  });

  it("refuses an ongoing portion as a one-off invoice, naming the repeating endpoint", async () => {
    const { api, oppId } = await mixedOpportunity("Xero ongoing");
    const refused = await api(
      "POST",
      `/api/v1/opportunities/${oppId}/xero-invoices`,
      body({ portion: "ongoing", account_code: "200" }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0]).toMatchObject({ field: "portion", allowed: ["full", "deposit", "balance"] });
    expect(refused.body.error.fix).toContain("/xero-repeating-invoices");
  });

  it("bills ongoing lines with a repeating invoice that Xero does not email without approval for sending, and deletes it", async () => {
    const { api, oppId } = await mixedOpportunity("Xero repeating");
    const lines = (await api("GET", `/api/v1/opportunities/${oppId}/products`)).body.data;
    const created = await api("POST", `/api/v1/opportunities/${oppId}/xero-repeating-invoices`, {
      line_ids: [lines[0].id],
      approval: "approve",
      account_code: "200",
      schedule: { unit: "week", every: 2, start_date: "2026-12-03", due: { type: "days_after_invoice", day: 14 } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "AUTHORISED",
      approval: "approve",
      schedule: { summary: "First invoice on 3 Dec 2026, then every 2 weeks" },
    });
    const remote = xeroOrg()?.repeatingInvoices[created.body.xero_repeating_invoice_id.toLowerCase()];
    expect(remote).toMatchObject({ status: "AUTHORISED", approvedForSending: false });
    expect(remote?.schedule).toMatchObject({
      unit: "WEEKLY",
      period: 2,
      dueDateType: "DAYSAFTERBILLDATE",
      dueDate: 14,
    });
    expect(await statuses(api, oppId)).toEqual(["invoiced", "unpaid"]);
    const listed = await api("GET", `/api/v1/opportunities/${oppId}/xero-repeating-invoices`);
    expect(listed.body.data.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    expect((await api("DELETE", `/api/v1/xero-repeating-invoices/${created.body.id}`)).status).toBe(204);
    expect(xeroOrg()?.repeatingInvoices[created.body.xero_repeating_invoice_id.toLowerCase()]?.status).toBe("DELETED");
    expect((await api("GET", `/api/v1/opportunities/${oppId}/xero-repeating-invoices`)).body.data).toEqual([]);
    const badEnd = await api("POST", `/api/v1/opportunities/${oppId}/xero-repeating-invoices`, {
      approval: "draft",
      schedule: {
        unit: "month",
        every: 1,
        start_date: "2026-12-03",
        end_date: "2026-01-01",
        due: { type: "day_of_following_month", day: 20 },
      },
    });
    expect(badEnd.status).toBe(400);
    expect(badEnd.body.error.issues[0].field).toBe("schedule.end_date");
  });

  it("lists the organisation's bank accounts, revenue accounts, tax rates and branding themes", async () => {
    const { api } = await mixedOpportunity("Xero options");
    const banks = (await api("GET", "/api/v1/integrations/xero/bank-accounts")).body.data;
    expect(banks.length).toBeGreaterThan(0);
    expect(banks[0]).toEqual({
      id: expect.any(String),
      code: expect.any(String),
      name: expect.any(String),
      detail: expect.anything(),
    });
    const accounts = (await api("GET", "/api/v1/integrations/xero/accounts")).body.data;
    expect(accounts.map((a: { code: string }) => a.code)).toContain("200");
    const rates = (await api("GET", "/api/v1/integrations/xero/tax-rates")).body.data;
    expect(rates.map((r: { code: string }) => r.code)).toContain("OUTPUT2");
    expect(rates.map((r: { code: string }) => r.code)).not.toContain("INPUT2");
    expect((await api("GET", "/api/v1/integrations/xero/branding-themes")).status).toBe(200);
  });
});
