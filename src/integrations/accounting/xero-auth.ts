import { AppError } from "../../lib/errors.ts";
import type { AccountingAuth, LedgerCallLimits, Tenant, TokenSet } from "./port.ts";
import { XERO_TIMEOUT_MS } from "./xero-call.ts";

export type XeroConfig = {
  clientId: string;
  clientSecret: string;
  /** login.xero.com (or the sandbox's /login). */
  loginUrl: string;
  /** identity.xero.com (or the sandbox's /identity). */
  identityUrl: string;
  /** api.xero.com (or the sandbox's /api); accounting lives under /api.xro/2.0. */
  apiUrl: string;
  /** The app's webhook signing key (developer portal → Webhooks); without it no webhook verifies. */
  webhookKey?: string | undefined;
  /** Limits other than Xero's own, when the API is a sandbox that allows more (XERO_SANDBOX_CALLS_PER_MINUTE). */
  callLimits?: Partial<LedgerCallLimits> | undefined;
};

// Granular scopes (apps created from 2026-03 get only these); no `openid`, so no id_token to validate.
export const XERO_SCOPES =
  "offline_access accounting.invoices accounting.payments accounting.contacts accounting.settings.read";

type TokenResponse = { access_token?: string; refresh_token?: string; expires_in?: number; error?: string };

/**
 * OAuth and /connections with plain fetch: xero-node's XeroClient hard-codes identity.xero.com and
 * api.xero.com, which would make the sandbox unreachable (notes/xero.md §10).
 */
export function createXeroAuth(config: XeroConfig, now: () => Date = () => new Date()): AccountingAuth {
  const basic = `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64")}`;

  async function identity(path: string, form: Record<string, string>): Promise<Response> {
    try {
      return await fetch(`${config.identityUrl}${path}`, {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
        signal: AbortSignal.timeout(XERO_TIMEOUT_MS),
      });
    } catch (error) {
      throw new AppError("upstream_failed", "Xero's identity service did not answer.", { cause: error });
    }
  }

  async function token(form: Record<string, string>): Promise<TokenSet> {
    const response = await identity("/connect/token", form);
    const body = (await response.json().catch(() => ({}))) as TokenResponse;
    if (!response.ok || !body.access_token || !body.refresh_token) {
      throw new AppError("upstream_failed", `Xero refused the token request: ${body.error ?? response.status}.`, {
        details: { xero_error: body.error ?? null, xero_status: response.status },
      });
    }
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresAt: new Date(now().getTime() + (body.expires_in ?? 1800) * 1000),
    };
  }

  return {
    authorizeUrl: ({ state, codeChallenge, redirectUri }) => {
      const url = new URL(`${config.loginUrl}/identity/connect/authorize`);
      url.search = new URLSearchParams({
        response_type: "code",
        client_id: config.clientId,
        redirect_uri: redirectUri,
        scope: XERO_SCOPES,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
      }).toString();
      return url.toString();
    },
    exchangeCode: ({ code, codeVerifier, redirectUri }) =>
      token({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: codeVerifier }),
    refresh: (refreshToken) => token({ grant_type: "refresh_token", refresh_token: refreshToken }),
    revoke: async (refreshToken) => {
      const response = await identity("/connect/revocation", { token: refreshToken });
      if (!response.ok) {
        throw new AppError("upstream_failed", `Xero did not revoke the token (${response.status}).`);
      }
    },
    tenants: async (accessToken) => {
      const response = await fetch(`${config.apiUrl}/connections`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
        signal: AbortSignal.timeout(XERO_TIMEOUT_MS),
      });
      if (!response.ok) {
        throw new AppError("upstream_failed", `Xero did not list the connected organisations (${response.status}).`);
      }
      const rows = (await response.json()) as {
        id: string;
        tenantId: string;
        tenantName: string | null;
        tenantType?: string;
        authEventId?: string | null;
      }[];
      return rows
        .filter((r) => (r.tenantType ?? "ORGANISATION") === "ORGANISATION")
        .map(
          (r): Tenant => ({
            connectionId: r.id,
            tenantId: r.tenantId,
            tenantName: r.tenantName ?? "",
            authEventId: r.authEventId ?? null,
          }),
        );
    },
    disconnect: async (accessToken, connectionId) => {
      const response = await fetch(`${config.apiUrl}/connections/${encodeURIComponent(connectionId)}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(XERO_TIMEOUT_MS),
      });
      if (!response.ok && response.status !== 404) {
        throw new AppError("upstream_failed", `Xero did not remove the connection (${response.status}).`);
      }
    },
  };
}
