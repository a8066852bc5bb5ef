import { describe, expect, it } from "vitest";
import { hitsOf } from "./hits.ts";

describe("hitsOf", () => {
  it("groups companies, contacts, opportunities then invoices, each opening the right page", () => {
    const hits = hitsOf({
      data: [
        { type: "invoice", id: "inv_1", title: "INV-0001", subtitle: "PAID", parent_id: "opp_1" },
        { type: "contact", id: "con_1", title: "Mia", subtitle: null, parent_id: "co_1" },
        { type: "company", id: "co_1", title: "Harbour", subtitle: null, parent_id: null },
        { type: "opportunity", id: "opp_1", title: "Refit", subtitle: "lead", parent_id: "co_1" },
      ],
    });
    expect(hits.map((h) => [h.kind, h.href])).toEqual([
      ["company", "/companies/co_1"],
      ["contact", "/companies/co_1"],
      ["opportunity", "/opportunities/opp_1"],
      ["invoice", "/opportunities/opp_1"],
    ]);
  });
});
