import { describe, expect, it } from "vitest";
import type { RepeatingInvoice } from "xero-node";
import { api, contactId, DAY, day, h, line, noEmailContactId, setUpFlows, T } from "./flows-harness.ts";
import { validationMessages, xeroError } from "./harness.ts";

// Repeating invoice templates and the invoices their schedules raise, end to end through xero-node.
setUpFlows();

describe("repeating invoices", () => {
  const template = (overrides: Partial<RepeatingInvoice> = {}): RepeatingInvoice => ({
    type: "ACCREC" as never,
    contact: { contactID: contactId },
    schedule: {
      period: 1,
      unit: "MONTHLY" as never,
      dueDate: 20,
      dueDateType: "OFFOLLOWINGMONTH" as never,
      startDate: "2025-02-01",
      endDate: "2025-12-31",
    },
    lineItems: [line("Support retainer [Month] [Year]", 1, 500, "OUTPUT2")],
    reference: "RET-[Month]",
    status: "AUTHORISED" as never,
    approvedForSending: true,
    ...overrides,
  });

  it("creates a template with its schedule (PUT), reads it back by id, and deletes it (POST Status DELETED)", async () => {
    const created = (await api.createRepeatingInvoices(T, { repeatingInvoices: [template()] })).body
      .repeatingInvoices?.[0];
    const id = created?.repeatingInvoiceID ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const fetched = (await api.getRepeatingInvoice(T, id)).body.repeatingInvoices?.[0];
    expect(fetched).toMatchObject({
      repeatingInvoiceID: id,
      iD: id,
      status: "AUTHORISED",
      approvedForSending: true,
      reference: "RET-[Month]",
      subTotal: 500,
      totalTax: 75,
      total: 575,
    });
    const schedule = fetched?.schedule;
    expect([schedule?.period, schedule?.unit, schedule?.dueDate, schedule?.dueDateType]).toEqual([
      1,
      "MONTHLY",
      20,
      "OFFOLLOWINGMONTH",
    ]);
    expect([day(schedule?.startDate), day(schedule?.endDate), day(schedule?.nextScheduledDate)]).toEqual([
      "2025-02-01",
      "2025-12-31",
      "2025-02-01",
    ]);
    const deleted = await api.updateRepeatingInvoice(T, id, { repeatingInvoices: [{ status: "DELETED" as never }] });
    expect(deleted.body.repeatingInvoices?.[0]?.status).toBe("DELETED");
    const after = (await api.getRepeatingInvoice(T, id)).body.repeatingInvoices?.[0];
    expect([after?.status, after?.schedule?.nextScheduledDate]).toEqual(["DELETED", undefined]);
    const notAnEdit = await xeroError(
      api.updateRepeatingInvoice(T, id, { repeatingInvoices: [{ status: "AUTHORISED" as never }] }),
    );
    expect(validationMessages(notAnEdit.body)).toEqual([
      "Repeating invoices can only be deleted through the API (Status DELETED).",
    ]);
  });

  it("POST /RepeatingInvoices creates new templates and deletes the ones it names", async () => {
    const weekly = template({
      status: "DRAFT" as never,
      approvedForSending: false,
      schedule: {
        period: 2,
        unit: "WEEKLY" as never,
        dueDate: 7,
        dueDateType: "DAYSAFTERINVOICEDATE" as never,
        startDate: "2025-01-06",
      },
    });
    const created = (await api.updateOrCreateRepeatingInvoices(T, { repeatingInvoices: [weekly] })).body
      .repeatingInvoices?.[0];
    expect([created?.status, created?.schedule?.unit, created?.schedule?.endDate]).toEqual([
      "DRAFT",
      "WEEKLY",
      undefined,
    ]);
    const removed = await api.updateOrCreateRepeatingInvoices(T, {
      repeatingInvoices: [{ repeatingInvoiceID: created?.repeatingInvoiceID, status: "DELETED" as never }],
    });
    expect(removed.body.repeatingInvoices?.map((r) => [r.repeatingInvoiceID, r.status])).toEqual([
      [created?.repeatingInvoiceID, "DELETED"],
    ]);
    const live = (await api.getRepeatingInvoices(T, 'Status!="DELETED"')).body.repeatingInvoices ?? [];
    expect(live.some((r) => r.repeatingInvoiceID === created?.repeatingInvoiceID)).toBe(false);
  });

  it("validates the template: sending needs AUTHORISED and an email, EndDate after StartDate", async () => {
    const backwards = {
      period: 1,
      unit: "MONTHLY" as never,
      dueDate: 20,
      dueDateType: "OFFOLLOWINGMONTH" as never,
      startDate: "2025-06-01",
      endDate: "2025-05-01",
    };
    const result = await api.createRepeatingInvoices(
      T,
      {
        repeatingInvoices: [
          template({ status: "DRAFT" as never }),
          template({ contact: { contactID: noEmailContactId } }),
          template({ schedule: backwards }),
          template({
            schedule: { ...backwards, dueDateType: "OFCURRENTMONTH" as never, dueDate: 0, endDate: undefined },
          }),
        ],
      },
      false,
    );
    expect(result.response.status).toBe(200);
    // xero-node's RepeatingInvoice model has no ValidationErrors, so read the raw elements.
    const raw = (result.response as unknown as { data: { RepeatingInvoices: Array<Record<string, unknown>> } }).data;
    expect(
      raw.RepeatingInvoices.map((r) => [
        r.StatusAttributeString,
        r.HasErrors,
        (r.ValidationErrors as Array<{ Message: string }>)[0]?.Message,
      ]),
    ).toEqual([
      ["ERROR", true, "Only approved repeating invoices can be approved for sending."],
      ["ERROR", true, "The contact must have an email address to approve for sending."],
      ["ERROR", true, "Schedule EndDate must be on or after the StartDate."],
      ["ERROR", true, "Schedule DueDate is not valid for the DueDateType."],
    ]);
    const summarized = await xeroError(
      api.createRepeatingInvoices(T, { repeatingInvoices: [template({ status: "DRAFT" as never })] }),
    );
    expect(summarized.statusCode).toBe(400);
    expect(summarized.body).toMatchObject({ ErrorNumber: 10, Type: "ValidationException" });
    expect(validationMessages(summarized.body)).toEqual([
      "Only approved repeating invoices can be approved for sending.",
    ]);
  });

  it("generates authorised, emailed invoices with due dates from the schedule as the clock passes", async () => {
    const created = (
      await api.createRepeatingInvoices(T, {
        repeatingInvoices: [template({ schedule: { ...template().schedule, endDate: "2025-03-15" } })],
      })
    ).body.repeatingInvoices?.[0];
    h.sandbox.admin.advanceClock(90 * DAY);
    // The token from the start of the file has expired 90 days later.
    const later = h.accounting(await h.clientCredentialsToken());
    const generated =
      (await later.getInvoices(T, undefined, `RepeatingInvoiceID==Guid("${created?.repeatingInvoiceID}")`, "Date ASC"))
        .body.invoices ?? [];
    expect(generated.map((i) => [day(i.date), day(i.dueDate), i.status, i.reference, i.sentToContact])).toEqual([
      ["2025-02-01", "2025-03-20", "AUTHORISED", "RET-February", true],
      ["2025-03-01", "2025-04-20", "AUTHORISED", "RET-March", true],
    ]);
    const next = (await later.getRepeatingInvoice(T, created?.repeatingInvoiceID ?? "")).body.repeatingInvoices?.[0];
    expect(next?.schedule?.nextScheduledDate).toBeUndefined();
  });
});
