import { describe, expect, it } from "vitest";
import { statusChoices } from "./labels.ts";

describe("the statuses an invoice may be edited to", () => {
  it("come from its allowed actions: drafts move before approval, and may be deleted", () => {
    const draft = {
      status: "DRAFT",
      provider: "native",
      allowed_actions: ["edit", "approve", "void", "delete"],
    } as const;
    expect(statusChoices(draft)).toEqual(["DRAFT", "SUBMITTED", "DELETED"]);
  });

  it("let a Xero draft be approved straight from the edit dialog", () => {
    const draft = {
      status: "DRAFT",
      provider: "xero",
      allowed_actions: ["edit", "approve", "delete", "sync"],
    } as const;
    expect(statusChoices(draft)).toEqual(["DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"]);
  });

  it("keep an approved or locked invoice's status as it is", () => {
    const approved = {
      status: "AUTHORISED",
      provider: "xero",
      allowed_actions: ["edit", "send", "record_payment", "void", "sync"],
    } as const;
    expect(statusChoices(approved)).toEqual(["AUTHORISED"]);
    expect(statusChoices({ status: "PAID", provider: "xero", allowed_actions: ["sync"] })).toEqual(["PAID"]);
  });
});
