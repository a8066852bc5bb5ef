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
    return { field, message: issue.message };
  });
}

export function invalidInput(error: z.ZodError): AppError {
  const issues = toIssues(error);
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  return new AppError("invalid_input", `Invalid input. ${summary}`, { issues });
}

/** Verbs parse their own input so every transport gets the same validation. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw invalidInput(result.error);
  }
  return result.data;
}
