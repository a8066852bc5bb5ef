import type { StripeSandboxContext } from "../context.ts";
import { settleDueDebits } from "./charge-flow.ts";
import { expireDueSessions } from "./sessions.ts";

/** The payment side of the clock's work: open checkout sessions expiring, bank debits settling or failing. */
export function installPaymentClockWork(ctx: StripeSandboxContext): void {
  ctx.timeline.register("bank debit settlement", (nowMs) => settleDueDebits(ctx, nowMs));
  ctx.timeline.register("checkout session expiry", (nowMs) => expireDueSessions(ctx, nowMs));
}
