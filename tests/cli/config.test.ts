import { describe, expect, it } from "vitest";
import { settle } from "../support/process.ts";

describe("configuration", () => {
  it("stops at start with a message naming each bad variable", async () => {
    const failed = await settle(["start"], { PORT: "eighty", DATABASE_URL: "mysql://nope" }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect("code" in failed && failed.code).toBe(1);
    const stderr = "stderr" in failed ? failed.stderr : "";
    expect(stderr).toContain("PORT");
    expect(stderr).toContain("DATABASE_URL: must start with postgres://");
  });

  it("explains that separate workers need PostgreSQL", async () => {
    const failed = await settle(["worker"], { DATABASE_URL: "" }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in failed && failed.code).toBe(2);
    expect("stderr" in failed ? failed.stderr : "").toContain("DATABASE_URL");
  });

  it("names the allowed worker priorities before it connects anywhere", async () => {
    const failed = await settle(["worker", "--priority", "urgent"], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in failed && failed.code).toBe(2);
    expect("stderr" in failed ? failed.stderr : "").toContain("--priority must be low or normal");
  });
});
