import { createHash } from "node:crypto";
import type { SandboxClock } from "../../shared/clock.ts";
import { newId, opaqueToken } from "../core/ids.ts";
import { REFRESH_GRACE_MS, REFRESH_UNUSED_EXPIRY_MS } from "../options.ts";
import type { SandboxStore } from "../state/store.ts";
import type { AccessTokenCutoff, AuthCodeRecord, ConnectionRecord, RefreshTokenRecord } from "../state/types.ts";
import { type AccessTokenClaims, signAccessToken } from "./access-token.ts";
import { CUSTOM_CONNECTION_TENANT_INDEX, DEMO_USER_ID } from "./demo-app.ts";

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  token_type: "Bearer";
  refresh_token?: string;
  scope: string;
}

export type GrantResult = { ok: true; tokens: TokenResponse } | { ok: false; error: "invalid_grant" };

/** Issues and rotates tokens, and keeps the app's connections in step with consents. */
export class GrantService {
  constructor(
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
    private readonly accessTtlSeconds: number,
  ) {}

  exchangeCode(
    code: string,
    clientId: string,
    redirectUri: string | undefined,
    verifier: string | undefined,
    hasSecret: boolean,
  ): GrantResult {
    const record = this.store.state.authCodes[code];
    if (!record || record.used || record.clientId !== clientId || record.expiresMs < this.clock.nowMs()) return fail();
    if (redirectUri !== record.redirectUri) return fail();
    if (!pkceSatisfied(record, verifier, hasSecret)) return fail();
    record.used = true;
    this.connect(record);
    const grantId = newId();
    return {
      ok: true,
      tokens: this.issue(grantId, clientId, record.userId, record.scope, record.authEventId, "authorization_code"),
    };
  }

  refresh(token: string, clientId: string): GrantResult {
    const record = this.store.state.refreshTokens[token];
    const now = this.clock.nowMs();
    if (!record || record.clientId !== clientId) return fail();
    if (this.store.state.revokedGrants.includes(record.grantId)) return fail();
    if (record.rotatedMs !== undefined && now - record.rotatedMs > REFRESH_GRACE_MS) return fail();
    if (record.rotatedMs === undefined && now - record.issuedMs > REFRESH_UNUSED_EXPIRY_MS) return fail();
    record.rotatedMs ??= now;
    return {
      ok: true,
      tokens: this.issue(record.grantId, clientId, record.userId, record.scope, record.authEventId, "refresh_token"),
    };
  }

  clientCredentials(clientId: string, scope: string): TokenResponse {
    const tenant = this.store.organisations()[CUSTOM_CONNECTION_TENANT_INDEX];
    const authEventId = newId();
    if (tenant) this.upsertConnection(clientId, `custom:${clientId}`, tenant.organisationId, authEventId);
    return this.issue(newId(), clientId, `custom:${clientId}`, scope, authEventId, "client_credentials");
  }

  /**
   * Revoking a refresh token ends its grant and, as Xero documents, removes all of the user's connections to the
   * app (their access tokens then answer 401).
   */
  revoke(token: string, clientId: string): void {
    const record = this.store.state.refreshTokens[token];
    if (!record || record.clientId !== clientId) return;
    this.store.state.revokedGrants.push(record.grantId);
    for (const connection of this.liveConnections(clientId, record.userId)) this.remove(connection);
    this.store.changed();
  }

  isGrantRevoked(grantId: string): boolean {
    return this.store.state.revokedGrants.includes(grantId);
  }

  /** The app's connections that are in place, optionally only one user's. */
  liveConnections(clientId: string, userId?: string): ConnectionRecord[] {
    return Object.values(this.store.state.connections).filter(
      (c) => c.removedMs === undefined && c.clientId === clientId && (userId === undefined || c.userId === userId),
    );
  }

  /** DELETE /connections/{id}; the record stays so a later consent to the organisation revives it. */
  removeConnection(connection: ConnectionRecord): void {
    this.remove(connection);
    this.store.changed();
  }

  /** What a user does in Xero's "Connected apps": every connection of the app to the organisation goes. */
  disconnectTenant(clientId: string, tenantId: string): ConnectionRecord[] {
    const removed = this.liveConnections(clientId).filter((c) => c.tenantId === tenantId);
    for (const connection of removed) this.remove(connection);
    this.store.changed();
    return removed;
  }

  /** Every access token the app holds now answers TokenExpired; refresh tokens keep working. */
  expireAccessTokens(clientId: string): AccessTokenCutoff {
    const cutoffs = this.store.state.accessTokenCutoffs ?? {};
    const cutoff = { generation: (cutoffs[clientId]?.generation ?? 0) + 1, atMs: this.clock.nowMs() };
    this.store.state.accessTokenCutoffs = { ...cutoffs, [clientId]: cutoff };
    this.store.changed();
    return cutoff;
  }

  /** When the token was expired early from the console, the moment it happened. */
  expiredEarlyAtMs(claims: AccessTokenClaims): number | undefined {
    const cutoff = this.store.state.accessTokenCutoffs?.[claims.client_id];
    if (!cutoff || (claims.sandbox_generation ?? 0) >= cutoff.generation) return undefined;
    return cutoff.atMs;
  }

  private remove(connection: ConnectionRecord): void {
    connection.removedMs = this.clock.nowMs();
  }

  private issue(
    grantId: string,
    clientId: string,
    userId: string,
    scope: string,
    authEventId: string,
    grantType: AccessTokenClaims["grant_type"],
  ): TokenResponse {
    const nowSeconds = Math.floor(this.clock.nowMs() / 1000);
    const access = signAccessToken(
      {
        iss: "https://identity.xero.com",
        aud: "https://identity.xero.com/resources",
        nbf: nowSeconds,
        exp: nowSeconds + this.accessTtlSeconds,
        client_id: clientId,
        sub: createHash("sha256").update(userId).digest("hex").slice(0, 32),
        xero_userid: userId,
        authentication_event_id: authEventId,
        grant_id: grantId,
        grant_type: grantType,
        scope: scope.split(" ").filter(Boolean),
        sandbox_generation: this.store.state.accessTokenCutoffs?.[clientId]?.generation ?? 0,
      },
      this.store.state.signingKey,
    );
    const tokens: TokenResponse = {
      access_token: access,
      expires_in: this.accessTtlSeconds,
      token_type: "Bearer",
      scope,
    };
    if (grantType !== "client_credentials" && scope.split(" ").includes("offline_access")) {
      const refresh: RefreshTokenRecord = {
        token: opaqueToken(),
        grantId,
        clientId,
        userId,
        scope,
        authEventId,
        issuedMs: this.clock.nowMs(),
      };
      this.store.state.refreshTokens[refresh.token] = refresh;
      tokens.refresh_token = refresh.token;
    }
    this.store.changed();
    return tokens;
  }

  private connect(code: AuthCodeRecord): void {
    for (const tenantId of code.tenantIds)
      this.upsertConnection(code.clientId, code.userId, tenantId, code.authEventId);
  }

  private upsertConnection(clientId: string, userId: string, tenantId: string, authEventId: string): void {
    const now = this.clock.nowMs();
    const existing = Object.values(this.store.state.connections).find(
      (c) => c.clientId === clientId && c.userId === userId && c.tenantId === tenantId,
    );
    if (existing) {
      existing.authEventId = authEventId;
      existing.updatedMs = now;
      existing.removedMs = undefined;
    } else {
      const id = newId();
      this.store.state.connections[id] = {
        id,
        clientId,
        userId,
        tenantId,
        authEventId,
        createdMs: now,
        updatedMs: now,
      };
    }
    this.store.changed();
  }
}

export const DEFAULT_USER_ID = DEMO_USER_ID;

function fail(): GrantResult {
  return { ok: false, error: "invalid_grant" };
}

function pkceSatisfied(record: AuthCodeRecord, verifier: string | undefined, hasSecret: boolean): boolean {
  if (!record.codeChallenge) return hasSecret;
  if (!verifier) return false;
  const derived =
    record.codeChallengeMethod === "plain" ? verifier : createHash("sha256").update(verifier).digest("base64url");
  return derived === record.codeChallenge;
}
