import type { SandboxClock } from "../shared/clock.ts";
import type { Timeline } from "./core/timeline.ts";
import type { EventBus } from "./events/event-bus.ts";
import type { StripeSandboxLimits, StripeSandboxTiming } from "./options.ts";
import type { StripeStore } from "./state/store.ts";

/** What every part of the sandbox shares. Nothing here knows about Settle. */
export interface StripeSandboxContext {
  store: StripeStore;
  clock: SandboxClock;
  events: EventBus;
  timeline: Timeline;
  limits: StripeSandboxLimits;
  timing: StripeSandboxTiming;
  /** Where the sandbox is mounted, e.g. http://127.0.0.1:3000/sandbox/stripe (no trailing slash). */
  publicUrl: string;
  /** Hosts webhook endpoints may target besides loopback. */
  allowedWebhookHosts: string[];
}

/** Seconds since the epoch on the sandbox clock: Stripe's `created` and period fields. */
export function nowSeconds(ctx: StripeSandboxContext): number {
  return Math.floor(ctx.clock.nowMs() / 1000);
}
