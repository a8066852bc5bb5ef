import type { z } from "zod";
import { AppError, type ErrorIssue } from "./errors.ts";

/** Zod issues as Settle reports them: the dotted field path, a message, and for enums the allowed values. */
export function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "(body)";
    if (issue.code === "invalid_value") {
      const allowed = issue.values.map(String);
      return { field, message: `must be one of: ${allowed.join(", ")}`, allowed };
    }
    if (issue.code === "unrecognized_keys") {
      return { field: issue.keys.join(", "), message: `unknown field${issue.keys.length > 1 ? "s" : ""}` };
    }
    if (issue.code === "invalid_type" && / received undefined$/.test(issue.message)) {
      // Zod's words for a missing field ("expected string, received undefined") read as a type puzzle.
      return { field, message: `required (${issue.expected})` };
    }
    return { field, message: issue.message };
  });
}

export function invalidInput(error: z.ZodError): AppError {
  const issues = toIssues(error);
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  return new AppError("invalid_input", `Invalid input. ${summary}`, { issues });
}

/** Paths of the strings in a parsed JSON value that contain U+0000. */
function nulFields(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push(path.join(".") || "(body)");
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) nulFields(item, [...path, String(index)], found);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) nulFields(item, [...path, key], found);
  }
  return found;
}

/**
 * PostgreSQL text cannot hold U+0000: stored, it fails in the driver as a 500. It is refused here, once for
 * every verb and transport, before any schema or query sees it.
 */
export function assertNoNul(input: unknown): void {
  const fields = nulFields(input);
  if (fields.length > 0) {
    const issues = fields.map((field) => ({ field, message: "must not contain the NUL character (\\u0000)" }));
    throw new AppError("invalid_input", `Invalid input. ${fields.join(", ")}: contains the NUL character.`, {
      issues,
    });
  }
}

/** Verbs parse their own input so every transport gets the same validation. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertNoNul(input);
  const result = schema.safeParse(input);
  if (!result.success) {
    throw invalidInput(result.error);
  }
  return result.data;
}
