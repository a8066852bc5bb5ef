import type { SandboxClock } from "../../shared/clock.ts";
import { newId } from "../core/ids.ts";
import { API_VERSION } from "../options.ts";
import type { StripeStore } from "../state/store.ts";
import type { StripeObject } from "../state/types.ts";

/** What caused an event: the API request (id and idempotency key), or nothing for the sandbox's own work. */
export interface EventCause {
  id: string | null;
  idempotency_key: string | null;
}

export interface StripeEvent extends StripeObject {
  object: "event";
  account?: string;
  api_version: string;
  created: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: EventCause;
  type: string;
}

/** Where new events go to be delivered (the webhook dispatcher); returns how many endpoints will get it. */
export interface EventSink {
  deliver(event: StripeEvent, onAccount: string): number;
}

/**
 * Records events on the account where the change happened (`GET /v1/events` reads them there), with
 * `account` set when that is a connected account, and hands them to the sink for delivery.
 */
export class EventBus {
  private sink: EventSink | undefined;

  constructor(
    private readonly store: StripeStore,
    private readonly clock: SandboxClock,
  ) {}

  connect(sink: EventSink): void {
    this.sink = sink;
  }

  emit(
    account: string,
    type: string,
    object: StripeObject,
    options: { previous?: Record<string, unknown>; cause?: EventCause } = {},
  ): StripeEvent {
    const isConnected = account !== this.store.state.platform.accountId;
    const event: StripeEvent = {
      id: newId("evt"),
      object: "event",
      ...(isConnected ? { account } : {}),
      api_version: API_VERSION,
      context: null,
      created: Math.floor(this.clock.nowMs() / 1000),
      data: {
        object: structuredClone(object),
        ...(options.previous ? { previous_attributes: options.previous } : {}),
      },
      livemode: false,
      pending_webhooks: 0,
      request: options.cause ?? { id: null, idempotency_key: null },
      type,
    };
    this.store.insert(account, event);
    event.pending_webhooks = this.sink?.deliver(event, account) ?? 0;
    return event;
  }
}
