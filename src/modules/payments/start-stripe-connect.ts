import { randomBytes } from "node:crypto";
import { lt } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import { stripeAuthRequests } from "../../db/schema/payments.ts";
import { sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { requirePayments } from "./internal.ts";

export const STRIPE_AUTH_REQUEST_TTL_MS = 10 * 60_000;

export const StartStripeConnectInput = z.strictObject({ redirectUri: z.url() });

/** Starts Connect OAuth: a one-time `state` bound to this workspace (only its hash is stored). */
export async function startStripeConnect(
  ctx: Ctx,
  input: z.input<typeof StartStripeConnectInput>,
): Promise<{ authorizeUrl: string }> {
  const { redirectUri } = parseInput(StartStripeConnectInput, input);
  requireScope(ctx.actor.scopes, "integrations:write");
  const payments = requirePayments(ctx);
  const state = randomBytes(24).toString("base64url");
  const now = ctx.clock.now();
  await withTransaction(ctx, async (tx) => {
    await tx.delete(stripeAuthRequests).where(lt(stripeAuthRequests.expiresAt, now));
    await tx.insert(stripeAuthRequests).values({
      stateHash: sha256(state),
      workspaceId: ctx.actor.workspaceId,
      redirectUri,
      expiresAt: new Date(now.getTime() + STRIPE_AUTH_REQUEST_TTL_MS),
    });
  });
  return { authorizeUrl: payments.authorizeUrl({ state, redirectUri }) };
}
