import { describe, expect, it } from "vitest";
import { csvHeader, normalise } from "./csv-header.ts";

describe("csvHeader", () => {
  it("reads plain, quoted and escaped column names from the first record only", () => {
    expect(csvHeader('name,"Unit, price","say ""hi"""\r\nAcme,1,2\n')).toEqual(["name", "Unit, price", 'say "hi"']);
  });

  it("keeps a line break inside quotes and drops a byte-order mark", () => {
    expect(csvHeader('\uFEFF"a\nb",c\nx,y')).toEqual(["a\nb", "c"]);
  });

  it("has no columns for an empty file", () => {
    expect(csvHeader("")).toEqual([]);
  });
});

describe("normalise", () => {
  it("matches names that differ in case, spaces and punctuation", () => {
    expect(normalise("Company Name")).toBe(normalise("company_name"));
  });
});
