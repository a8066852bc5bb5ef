import type { Actor } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import type { Scope } from "./scopes.ts";

/**
 * Nobody grants what they do not hold: roles, member role changes, invites and API keys all pass through
 * here, so a role that manages members cannot mint itself (or a friend) more access than it has.
 */
export function assertCanGrant(actor: Actor, scopes: readonly string[], field: string, what: string): void {
  const missing = scopes.filter((s) => !actor.scopes.has(s as Scope));
  if (missing.length > 0) {
    throw new AppError("forbidden", `You cannot ${what} with scopes you do not hold: ${missing.join(", ")}.`, {
      issues: [{ field, message: `not held by you: ${missing.join(", ")}` }],
      fix: "Ask an admin who holds these scopes to do it, or leave them out.",
    });
  }
}

/** A member's own role is changed by someone else, so nobody can promote themselves. */
export function assertNotSelf(actor: Actor, userId: string, what: string): void {
  if (actor.kind !== "system" && actor.userId === userId) {
    throw new AppError("forbidden", `You cannot ${what} yourself.`, {
      fix: "Ask another admin to do it.",
    });
  }
}
