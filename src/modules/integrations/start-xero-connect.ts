import { createHash, randomBytes } from "node:crypto";
import { lt } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import { xeroAuthRequests } from "../../db/schema/integrations.ts";
import { sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { requireAccounting } from "./internal.ts";

export const AUTH_REQUEST_TTL_MS = 10 * 60_000;

export const StartXeroConnectInput = z.strictObject({ redirectUri: z.url() });

/** Starts the consent: a one-time `state` bound to this workspace and a PKCE verifier kept server-side. */
export async function startXeroConnect(
  ctx: Ctx,
  input: z.input<typeof StartXeroConnectInput>,
): Promise<{ authorizeUrl: string }> {
  const { redirectUri } = parseInput(StartXeroConnectInput, input);
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
      redirectUri,
      expiresAt: new Date(now.getTime() + AUTH_REQUEST_TTL_MS),
    });
  });
  const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
  return { authorizeUrl: accounting.auth.authorizeUrl({ state, codeChallenge, redirectUri }) };
}
