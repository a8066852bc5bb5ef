import { AppError } from "../../lib/errors.ts";

export function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
}

/** Role names are unique per workspace (a unique index): its violation is answered as a conflict on `name`. */
export function duplicateName(name: string): AppError {
  return new AppError("conflict", `A role named "${name}" already exists.`, {
    issues: [{ field: "name", message: "already used by another role" }],
  });
}
