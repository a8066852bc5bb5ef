import type { StripeSandboxContext } from "../context.ts";
import { installPaymentClockWork } from "./payment-clock.ts";
import { installSubscriptionClockWork } from "./renewals.ts";

/** Registers the work the sandbox clock drives: checkout expiry, bank debits settling, subscription renewals. */
export function installClockWork(ctx: StripeSandboxContext): void {
  installPaymentClockWork(ctx);
  installSubscriptionClockWork(ctx);
}
