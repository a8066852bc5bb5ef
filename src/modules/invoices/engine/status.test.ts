import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { promotedStatus, statusRank } from "../../billing/index.ts";
import { statusProposedByPortion } from "./status-proposed-by-portion.ts";
import { statusArb } from "./test-support.ts";
import type { PaymentStatus, Portion } from "./types.ts";

describe("statusRank", () => {
  it.each([
    ["unpaid", 0],
    ["deposit_invoiced", 1],
    ["invoiced", 2],
    ["paid", 3],
  ] as const)("puts %s at rung %i of the ladder", (status, rank) => {
    expect(statusRank(status)).toBe(rank);
  });
});

describe("promotedStatus", () => {
  it.each([
    ["unpaid", "deposit_invoiced", "deposit_invoiced"],
    ["deposit_invoiced", "invoiced", "invoiced"],
    ["paid", "deposit_invoiced", "paid"],
    ["invoiced", "deposit_invoiced", "invoiced"],
    ["paid", "invoiced", "paid"],
    ["invoiced", "paid", "paid"],
  ] as const)("moves %s given %s to %s", (current, proposed, expected) => {
    expect(promotedStatus(current, proposed)).toBe(expected);
  });

  it("never lowers a status and always reaches the higher of the two", () => {
    fc.assert(
      fc.property(statusArb, statusArb, (current: PaymentStatus, proposed: PaymentStatus) => {
        const result = promotedStatus(current, proposed);
        expect(statusRank(result)).toBe(Math.max(statusRank(current), statusRank(proposed)));
      }),
    );
  });
});

describe("statusProposedByPortion", () => {
  it.each([
    ["deposit", "deposit_invoiced"],
    ["full", "invoiced"],
    ["balance", "invoiced"],
    ["ongoing", "invoiced"],
  ] as const)("proposes %s → %s", (portion: Portion, status) => {
    expect(statusProposedByPortion(portion)).toBe(status);
  });
});
