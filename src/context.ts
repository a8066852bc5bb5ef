import type { Db, DbOrTx, Tx } from "./db/client.ts";
import type { AccountingProvider } from "./integrations/accounting/port.ts";
import type { PaymentsProvider } from "./integrations/payments/port.ts";
import type { Clock } from "./lib/clock.ts";
import type { SecretBox } from "./lib/secret-box.ts";
import type { Scope } from "./modules/access/scopes.ts";

/** Who is acting. Scopes are resolved once per request: role scopes for members, key ∩ role for API keys. */
export type Actor =
  | {
      kind: "member";
      workspaceId: string;
      userId: string;
      memberId: string;
      scopes: ReadonlySet<Scope>;
      /** Set when the member acts through an OAuth client's access token rather than their own session. */
      oauthGrantId?: string;
    }
  | { kind: "api_key"; workspaceId: string; keyId: string; userId: string | null; scopes: ReadonlySet<Scope> }
  | { kind: "system"; workspaceId: string; scopes: ReadonlySet<Scope> };

/**
 * `accounting` is the Xero adapter (absent where no transport wired one, e.g. some tests and the CLI).
 * `origin` says where a request came from (IP, request id) for the audit log; jobs and the CLI have none.
 */
export type Ctx = {
  db: DbOrTx;
  actor: Actor;
  clock: Clock;
  accounting?: AccountingProvider | undefined;
  /** The Stripe adapter (absent where Stripe is not configured). */
  payments?: PaymentsProvider | undefined;
  /** Sender and link base for mail a verb queues (absent: Settle's defaults for localhost). */
  mail?: MailSettings | undefined;
  origin?: { ip: string | null; requestId: string | null } | undefined;
  /** Seals secrets Settle keeps but never shows again (webhook signing secrets); absent where none is wired. */
  secrets?: SecretBox | undefined;
  /** Set when an automation run acts: the events its changes cause carry this depth (runs stop past 3). */
  automationDepth?: number | undefined;
};

export type MailSettings = { from: string; publicUrl: string };

/** Runs fn in a transaction, or inside the caller's when ctx.db already is one (verbs compose). */
export async function withTransaction<T>(ctx: { db: DbOrTx }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(ctx.db)) {
    return fn(ctx.db);
  }
  return (ctx.db as Db).transaction(fn);
}

function isTransaction(db: DbOrTx): db is Tx {
  return "rollback" in db;
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "member":
      return actor.userId;
    case "api_key":
      return actor.keyId;
    case "system":
      return "system";
  }
}
