import { describe, expect, it } from "vitest";
import { describeDue, describeSchedule, type ScheduleDraft, toSchedule } from "./schedule.ts";

const draft: ScheduleDraft = {
  every: "2",
  unit: "week",
  startDate: "2026-12-03",
  endDate: "",
  dueType: "days_after_invoice",
  dueDay: "14",
};

describe("repeating invoice schedules", () => {
  it("build the API's schedule from the form", () => {
    expect(toSchedule(draft)).toEqual({
      schedule: { unit: "week", every: 2, start_date: "2026-12-03", due: { type: "days_after_invoice", day: 14 } },
    });
  });

  it("send years as twelve months each, since Xero repeats by weeks or months", () => {
    const built = toSchedule({ ...draft, unit: "year", every: "1", endDate: "2028-12-03" });
    expect(built).toMatchObject({ schedule: { unit: "month", every: 12, end_date: "2028-12-03" } });
    expect(toSchedule({ ...draft, unit: "year", every: "9" })).toEqual({ problem: "Repeat every 1 to 8 years." });
  });

  it("say what is missing instead of building a schedule Xero refuses", () => {
    expect(toSchedule({ ...draft, every: "0" })).toEqual({ problem: "Repeat every 1 to 99 weeks." });
    expect(toSchedule({ ...draft, every: "1.5" })).toHaveProperty("problem");
    expect(toSchedule({ ...draft, startDate: "" })).toEqual({ problem: "Choose the date of the first invoice." });
    expect(toSchedule({ ...draft, endDate: "2026-12-01" })).toEqual({
      problem: "The end date is before the first invoice.",
    });
    expect(toSchedule({ ...draft, dueType: "day_of_following_month", dueDay: "0" })).toEqual({
      problem: "The due day of the month is 1 to 31.",
    });
  });

  it("read as the sentence the server stores", () => {
    const schedule = { unit: "week", every: 2, start_date: "2026-12-03", end_date: null } as const;
    expect(describeSchedule(schedule)).toBe("First invoice on 3 Dec 2026, then every 2 weeks");
    expect(describeSchedule({ ...schedule, unit: "month", every: 1 })).toBe(
      "First invoice on 3 Dec 2026, then every month",
    );
    expect(describeSchedule({ ...schedule, unit: "month", every: 12, end_date: "2028-01-31" })).toBe(
      "First invoice on 3 Dec 2026, then every year until 31 Jan 2028",
    );
  });

  it("describe the due date rule", () => {
    const due = (type: "days_after_invoice" | "day_of_following_month", day: number) => describeDue({ type, day });
    expect(due("days_after_invoice", 14)).toBe("Each invoice is due 14 days after its date");
    expect(due("days_after_invoice", 1)).toBe("Each invoice is due 1 day after its date");
    expect(due("days_after_invoice", 0)).toBe("Each invoice is due on its date");
    expect(due("day_of_following_month", 22)).toBe("Each invoice is due on the 22nd of the following month");
    expect(due("day_of_following_month", 11)).toBe("Each invoice is due on the 11th of the following month");
  });
});
