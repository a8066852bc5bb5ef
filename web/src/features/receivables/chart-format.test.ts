import { describe, expect, it } from "vitest";
import { lastTwelveMonths } from "./chart-format.ts";

describe("lastTwelveMonths", () => {
  it("ends with the report's month and crosses the year boundary", () => {
    const months = lastTwelveMonths("2026-03-15");
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-04");
    expect(months.at(-1)).toBe("2026-03");
  });
});
