import type { MiddlewareHandler } from "hono";
import type { SandboxContext } from "../context.ts";
import { verifyAccessToken } from "../identity/access-token.ts";
import type { ApiEnv } from "./api-env.ts";
import { problem } from "./responses.ts";

/** Bearer token check shared by /connections and the accounting API. */
export function bearerAuth(ctx: SandboxContext): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    if (!header.startsWith("Bearer ")) return problem(c, 401, "AuthenticationUnsuccessful");
    const check = verifyAccessToken(header.slice(7), ctx.store.state.signingKey, ctx.clock.nowMs());
    if (!check.ok && check.reason === "expired")
      return problem(c, 401, `TokenExpired: token expired at ${formatExpiry(check.expiredAtMs)}`);
    if (!check.ok || ctx.grants.isGrantRevoked(check.claims.grant_id))
      return problem(c, 401, "AuthenticationUnsuccessful");
    const expiredEarly = ctx.grants.expiredEarlyAtMs(check.claims);
    if (expiredEarly !== undefined)
      return problem(c, 401, `TokenExpired: token expired at ${formatExpiry(expiredEarly)}`);
    c.set("claims", check.claims);
    await next();
  };
}

/**
 * Resolves xero-tenant-id to a connected organisation; custom connections may omit it. A tenant whose connection
 * was removed (by the app, by revocation or from Xero's side) answers 403 AuthenticationUnsuccessful, as in Xero.
 */
export function tenantAuth(ctx: SandboxContext): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const claims = c.get("claims");
    const connections = ctx.grants.liveConnections(claims.client_id, claims.xero_userid);
    const requested =
      c.req.header("xero-tenant-id") ??
      (claims.grant_type === "client_credentials" ? connections[0]?.tenantId : undefined);
    const connected = connections.some((conn) => conn.tenantId === requested);
    const org = requested ? ctx.store.organisation(requested) : undefined;
    if (!requested || !connected || !org) return problem(c, 403, "AuthenticationUnsuccessful");
    if (!hasScope(claims.scope, c.req.path, c.req.method)) return problem(c, 403, "AuthenticationUnsuccessful");
    c.set("tenantId", requested);
    c.set("org", org);
    await next();
  };
}

const SCOPES_BY_RESOURCE: Array<[RegExp, string[]]> = [
  [/\/(Organisation|Accounts|TaxRates|BrandingThemes)/i, ["accounting.settings"]],
  [/\/Contacts/i, ["accounting.contacts"]],
  [/\/Payments/i, ["accounting.transactions", "accounting.payments"]],
  [/\/(Invoices|RepeatingInvoices)/i, ["accounting.transactions", "accounting.invoices"]],
];

/** Accepts both the broad (legacy) and the granular scope names; write calls need the non-.read form. */
function hasScope(granted: string[], path: string, method: string): boolean {
  const entry = SCOPES_BY_RESOURCE.find(([pattern]) => pattern.test(path));
  if (!entry) return true;
  const write = method !== "GET";
  return entry[1].some((scope) => granted.includes(scope) || (!write && granted.includes(`${scope}.read`)));
}

function formatExpiry(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
