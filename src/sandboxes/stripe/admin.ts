import type { FaultInjector } from "./api/faults.ts";
import type { RateLimiter } from "./api/rate-limiter.ts";
import type { RequestLog } from "./api/request-log.ts";
import type { StripeSandboxContext } from "./context.ts";
import type { WebhookDispatcher } from "./events/webhook-dispatcher.ts";

/**
 * The sandbox's moving parts, for the console's JSON API and for tests: everything a console button does
 * goes through here or through a module function taking `ctx`.
 */
export class StripeSandboxAdmin {
  constructor(
    readonly ctx: StripeSandboxContext,
    readonly faults: FaultInjector,
    readonly limiter: RateLimiter,
    readonly log: RequestLog,
    readonly webhooks: WebhookDispatcher,
  ) {}

  /** Moves the sandbox clock and does at once whatever fell due (expiries, renewals, settlements). */
  advanceClock(ms: number): number {
    this.ctx.clock.advance(ms);
    this.ctx.store.state.clockOffsetMs = this.ctx.clock.offset;
    this.ctx.store.changed();
    this.ctx.timeline.run(this.ctx.clock.nowMs());
    return this.ctx.clock.nowMs();
  }

  resetRateLimits(): void {
    this.limiter.reset();
  }
}
