import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { xeroAuthRequests, xeroTenantChoices } from "../../db/schema/integrations.ts";
import type { Tenant } from "../../integrations/accounting/port.ts";
import { AppError } from "../../lib/errors.ts";
import { sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { requireAccounting, sealTokens } from "./internal.ts";
import { saveXeroConnection } from "./save-xero-connection.ts";
import { AUTH_REQUEST_TTL_MS } from "./start-xero-connect.ts";

export const CompleteXeroConnectInput = z.strictObject({
  code: z.string().min(1).max(2000),
  state: z.string().min(1).max(200),
});

export type XeroConnectOutcome = { outcome: "connected" } | { outcome: "choose"; tenants: Tenant[] };

/**
 * Xero's access tokens are JWTs naming the consent that issued them; /connections lists every organisation
 * the user ever connected to this app, so only those of this consent are candidates (Xero's own advice).
 */
function authEventOf(accessToken: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(accessToken.split(".")[1] ?? "", "base64url").toString("utf8"));
    return typeof payload.authentication_event_id === "string" ? payload.authentication_event_id : null;
  } catch {
    return null;
  }
}

/**
 * The consent came back. The state must be this workspace's and unexpired; it is consumed first, so a
 * replayed callback fails. Exchanging the code and listing tenants happen outside any transaction. One
 * organisation connects at once; several wait (sealed) for the member to choose one.
 */
export async function completeXeroConnect(
  ctx: Ctx,
  input: z.input<typeof CompleteXeroConnectInput>,
): Promise<XeroConnectOutcome> {
  const parsed = parseInput(CompleteXeroConnectInput, input);
  requireScope(ctx.actor.scopes, "integrations:write");
  const accounting = requireAccounting(ctx);
  const workspaceId = ctx.actor.workspaceId;
  const where = and(
    eq(xeroAuthRequests.stateHash, sha256(parsed.state)),
    eq(xeroAuthRequests.workspaceId, workspaceId),
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
  const all = await accounting.auth.tenants(tokens.accessToken);
  const event = authEventOf(tokens.accessToken);
  const ofThisConsent = event ? all.filter((t) => t.authEventId === event) : [];
  const candidates = ofThisConsent.length > 0 ? ofThisConsent : all;
  const [only, ...more] = candidates;
  if (!only) {
    throw new AppError("upstream_failed", "Xero granted access to no organisation.", {
      fix: "Connect again and allow access to an organisation.",
    });
  }
  if (more.length === 0) {
    await saveXeroConnection(ctx, only, tokens);
    return { outcome: "connected" };
  }
  const now = ctx.clock.now();
  const choice = {
    ...sealTokens(accounting.tokenBox, workspaceId, tokens),
    tenants: candidates,
    chooseBy: new Date(now.getTime() + AUTH_REQUEST_TTL_MS),
  };
  await ctx.db
    .insert(xeroTenantChoices)
    .values({ workspaceId, ...choice })
    .onConflictDoUpdate({ target: xeroTenantChoices.workspaceId, set: choice });
  return { outcome: "choose", tenants: candidates };
}
