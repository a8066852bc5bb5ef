import type { Ctx } from "../../context.ts";
import { requireScope } from "../access/index.ts";
import { findStripeConnection } from "./internal.ts";

export type StripeStatus = {
  /** Whether Stripe is set up on this server at all (keys, or the sandbox). */
  configured: boolean;
  connected: boolean;
  /** `deauthorized` when the account disconnected Settle from Stripe's side; null when never connected. */
  status: "active" | "deauthorized" | null;
  accountId: string | null;
  accountName: string | null;
  livemode: boolean;
  connectedAt: Date | null;
  deauthorizedAt: Date | null;
};

export async function getStripeStatus(ctx: Ctx): Promise<StripeStatus> {
  requireScope(ctx.actor.scopes, "integrations:read");
  return readStripeStatus(ctx);
}

/** Without a scope check, for views that show part of it under their own scope (invoices). */
export async function readStripeStatus(ctx: Ctx): Promise<StripeStatus> {
  const row = await findStripeConnection(ctx.db, ctx.actor.workspaceId);
  return {
    configured: Boolean(ctx.payments),
    connected: row?.status === "active",
    status: row?.status ?? null,
    accountId: row?.accountId ?? null,
    accountName: row?.accountName ?? null,
    livemode: row?.livemode === 1,
    connectedAt: row?.createdAt ?? null,
    deauthorizedAt: row?.deauthorizedAt ?? null,
  };
}
