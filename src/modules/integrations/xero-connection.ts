import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import { xeroAuthRequests, xeroConnections } from "../../db/schema/integrations.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { findXeroConnection, requireAccounting } from "./internal.ts";

const AUTH_REQUEST_TTL_MS = 10 * 60_000;

export type XeroStatus = { connected: boolean; tenantId: string | null; tenantName: string | null };

/** Whether the workspace has a Xero organisation connected, and which. Tokens never leave the server. */
export async function getXeroStatus(ctx: Ctx): Promise<XeroStatus> {
  requireScope(ctx.actor.scopes, "integrations:read");
  const row = await findXeroConnection(ctx.db, ctx.actor.workspaceId);
  return { connected: Boolean(row), tenantId: row?.tenantId ?? null, tenantName: row?.tenantName ?? null };
}

/** Starts the consent: a one-time `state` bound to this workspace and a PKCE verifier kept server-side. */
export async function startXeroConnect(ctx: Ctx, input: { redirectUri: string }): Promise<{ authorizeUrl: string }> {
  requireScope(ctx.actor.scopes, "integrations:write");
  const accounting = requireAccounting(ctx);
  const state = randomBytes(24).toString("base64url");
  const codeVerifier = randomBytes(48).toString("base64url");
  const now = ctx.clock.now();
  await withTransaction(ctx, async (tx) => {
    await tx.delete(xeroAuthRequests).where(lt(xeroAuthRequests.expiresAt, now));
    await tx.insert(xeroAuthRequests).values({
      stateHash: sha256(state),
      workspaceId: ctx.actor.workspaceId,
      codeVerifier,
      redirectUri: input.redirectUri,
      expiresAt: new Date(now.getTime() + AUTH_REQUEST_TTL_MS),
    });
  });
  const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
  return { authorizeUrl: accounting.auth.authorizeUrl({ state, codeChallenge, redirectUri: input.redirectUri }) };
}

export const CompleteXeroConnectInput = z.strictObject({
  code: z.string().min(1).max(2000),
  state: z.string().min(1).max(200),
});

/**
 * The consent came back. The state must be this workspace's and unexpired; it is consumed first, so a
 * replayed callback fails. Exchanging the code and listing tenants happen outside any transaction.
 */
export async function completeXeroConnect(
  ctx: Ctx,
  input: z.input<typeof CompleteXeroConnectInput>,
): Promise<XeroStatus> {
  const parsed = parseInput(CompleteXeroConnectInput, input);
  requireScope(ctx.actor.scopes, "integrations:write");
  const accounting = requireAccounting(ctx);
  const where = and(
    eq(xeroAuthRequests.stateHash, sha256(parsed.state)),
    eq(xeroAuthRequests.workspaceId, ctx.actor.workspaceId),
  );
  const [request] = await ctx.db.delete(xeroAuthRequests).where(where).returning();
  if (!request || request.expiresAt.getTime() < ctx.clock.now().getTime()) {
    throw new AppError("invalid_input", "This Xero consent is unknown or expired; start again.", {
      issues: [{ field: "state", message: "unknown or expired" }],
    });
  }
  const tokens = await accounting.auth.exchangeCode({
    code: parsed.code,
    codeVerifier: request.codeVerifier,
    redirectUri: request.redirectUri,
  });
  const [tenant] = await accounting.auth.tenants(tokens.accessToken);
  if (!tenant) {
    throw new AppError("upstream_failed", "Xero granted access to no organisation.");
  }
  const now = ctx.clock.now();
  const values = { ...tenant, ...tokens, updatedAt: now };
  await withTransaction(ctx, async (tx) => {
    await tx
      .insert(xeroConnections)
      .values({ id: newId("xeroConnection", now), workspaceId: ctx.actor.workspaceId, ...values })
      .onConflictDoUpdate({ target: xeroConnections.workspaceId, set: values });
    await recordAudit(tx, ctx, {
      action: "integration.connected",
      targetType: "integration",
      targetId: "xero",
      details: { tenant_id: tenant.tenantId, tenant_name: tenant.tenantName },
    });
  });
  return getXeroStatus(ctx);
}

/** Forgets the connection; removing it on Xero's side is best effort (the member may already have done so). */
export async function disconnectXero(ctx: Ctx): Promise<XeroStatus> {
  requireScope(ctx.actor.scopes, "integrations:write");
  const accounting = requireAccounting(ctx);
  const row = await withTransaction(ctx, async (tx) => {
    const [deleted] = await tx
      .delete(xeroConnections)
      .where(eq(xeroConnections.workspaceId, ctx.actor.workspaceId))
      .returning();
    if (deleted) {
      await recordAudit(tx, ctx, {
        action: "integration.disconnected",
        targetType: "integration",
        targetId: "xero",
        details: { tenant_id: deleted.tenantId, tenant_name: deleted.tenantName },
      });
    }
    return deleted;
  });
  if (row) {
    await accounting.auth.disconnect(row.accessToken, row.connectionId).catch(() => undefined);
  }
  return getXeroStatus(ctx);
}
