import type { StripeSandboxContext } from "../context.ts";
import { base62, newId } from "../core/ids.ts";
import type { EventCause } from "../events/event-bus.ts";
import { accountObject, PLATFORM_NAME } from "../resources/accounts.ts";
import type { ConnectedAccountRecord } from "../state/types.ts";

/** Authorization codes are good for five minutes of sandbox time, and once. */
export const AUTH_CODE_TTL_MS = 5 * 60_000;

export interface ConnectedAccountSummary {
  id: string;
  business_name: string | null;
  status: "connected" | "deauthorized";
  connected_at: number;
  deauthorized_at: number | null;
}

/** The platform's Connect application, as `account.application.*` events carry it. */
export function applicationObject(ctx: StripeSandboxContext) {
  return { id: ctx.store.state.platform.clientId, object: "application", name: PLATFORM_NAME };
}

export function summarise(ctx: StripeSandboxContext, record: ConnectedAccountRecord): ConnectedAccountSummary {
  return {
    id: record.accountId,
    business_name: accountObject(ctx, record.accountId).business_profile.name,
    status: record.deauthorizedAtMs === undefined ? "connected" : "deauthorized",
    connected_at: Math.floor(record.connectedAtMs / 1000),
    deauthorized_at: record.deauthorizedAtMs === undefined ? null : Math.floor(record.deauthorizedAtMs / 1000),
  };
}

/** Every account that has ever connected to the platform, newest first. */
export function connectedAccounts(ctx: StripeSandboxContext): ConnectedAccountSummary[] {
  return Object.values(ctx.store.state.connected)
    .reverse()
    .sort((a, b) => b.connectedAtMs - a.connectedAtMs)
    .map((record) => summarise(ctx, record));
}

/** A new Standard account, as if the person registered with Stripe on the authorize page. */
export function createAccount(ctx: StripeSandboxContext, businessName: string): string {
  const id = newId("acct");
  accountObject(ctx, id, businessName);
  return id;
}

/**
 * The person approved the platform: the account is (re)connected, with fresh legacy keys, and gets an
 * authorization code the platform exchanges at `/oauth/token`.
 */
export function authorize(ctx: StripeSandboxContext, accountId: string, scope: string, redirectUri?: string): string {
  const { state } = ctx.store;
  const existing = state.connected[accountId];
  if (!existing || existing.deauthorizedAtMs !== undefined) {
    state.connected[accountId] = {
      accountId,
      accessToken: `sk_test_${base62(99)}`,
      refreshToken: `rt_${base62(56)}`,
      publishableKey: `pk_test_${base62(99)}`,
      connectedAtMs: ctx.clock.nowMs(),
    };
    ctx.events.emit(accountId, "account.application.authorized", applicationObject(ctx));
  }
  pruneCodes(ctx);
  const code = `ac_${base62(32)}`;
  state.authCodes[code] = {
    code,
    accountId,
    scope,
    ...(redirectUri ? { redirectUri } : {}),
    expiresAtMs: ctx.clock.nowMs() + AUTH_CODE_TTL_MS,
  };
  ctx.store.changed();
  return code;
}

/**
 * The account disconnects the platform (the platform's `/oauth/deauthorize`, or the person on Stripe's
 * side from the console): its keys and `Stripe-Account` stop working and `account.application.deauthorized`
 * is sent to the platform. Returns false when it was not connected.
 */
export function deauthorize(ctx: StripeSandboxContext, accountId: string, cause?: EventCause): boolean {
  const record = ctx.store.state.connected[accountId];
  if (!record || record.deauthorizedAtMs !== undefined) return false;
  record.deauthorizedAtMs = ctx.clock.nowMs();
  for (const [code, grant] of Object.entries(ctx.store.state.authCodes)) {
    if (grant.accountId === accountId) delete ctx.store.state.authCodes[code];
  }
  ctx.store.changed();
  ctx.events.emit(accountId, "account.application.deauthorized", applicationObject(ctx), cause ? { cause } : {});
  return true;
}

function pruneCodes(ctx: StripeSandboxContext): void {
  const now = ctx.clock.nowMs();
  for (const [code, grant] of Object.entries(ctx.store.state.authCodes)) {
    // Kept a while past expiry so a late exchange is told "expired" rather than "does not exist".
    if (grant.expiresAtMs + 3600_000 < now) delete ctx.store.state.authCodes[code];
  }
}
