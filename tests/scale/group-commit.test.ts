import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { groupCommit } from "../../src/db/group-commit.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("group commit", () => {
  it("writes calls that arrive together in one batch and answers each with its own result", async () => {
    const batches: string[][] = [];
    const upper = groupCommit(async (_db, items: string[]) => {
      batches.push(items);
      return items.map((item) => item.toUpperCase());
    });
    const answers = await Promise.all(["a", "b", "c", "d", "e"].map((item) => upper(database.db, item)));
    expect(answers).toEqual(["A", "B", "C", "D", "E"]);
    expect(batches.flat().sort()).toEqual(["a", "b", "c", "d", "e"]);
    expect(batches.length).toBeLessThan(5);
  });

  it("fails only the call whose item fails, and writes the others", async () => {
    const written: string[] = [];
    const store = groupCommit(async (_db, items: string[]) => {
      if (items.includes("bad")) throw new Error("rejected by the database");
      written.push(...items);
      return items.map(() => true);
    });
    const results = await Promise.allSettled(["a", "bad", "c"].map((item) => store(database.db, item)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(written.sort()).toEqual(["a", "c"]);
  });
});
