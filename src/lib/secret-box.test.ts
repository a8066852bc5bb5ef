import { describe, expect, it } from "vitest";
import { createSecretBox, SecretBoxError } from "./secret-box.ts";

describe("secret box", () => {
  const box = createSecretBox("a-long-enough-secret-for-the-tests-0123456789");

  it("round-trips and never stores the plain text", () => {
    const sealed = box.seal("refresh-token-value", "ws_1:refresh");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("refresh-token-value");
    expect(box.open(sealed, "ws_1:refresh")).toBe("refresh-token-value");
    expect(box.seal("same", "c")).not.toBe(box.seal("same", "c"));
  });

  it("refuses another context, another key, a changed byte and plain text", () => {
    const sealed = box.seal("token", "ws_1:access");
    expect(() => box.open(sealed, "ws_2:access")).toThrow(SecretBoxError);
    expect(() => createSecretBox("another-secret-entirely-0123456789abcdef").open(sealed, "ws_1:access")).toThrow(
      SecretBoxError,
    );
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}${sealed.slice(-1)}`;
    expect(() => box.open(flipped, "ws_1:access")).toThrow(SecretBoxError);
    expect(() => box.open("token", "ws_1:access")).toThrow(SecretBoxError);
  });
});
