import type { Ctx } from "../../context.ts";

export const INVITE_TTL_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When an invite link sent now stops working. */
export function inviteExpiry(ctx: Ctx, days: number | undefined): Date {
  return new Date(ctx.clock.now().getTime() + (days ?? INVITE_TTL_DAYS) * DAY_MS);
}
