import type { SandboxClock } from "../../shared/clock.ts";
import type { XeroSandboxWebhookTiming } from "../options.ts";
import type { EventSink, ResourceEvent } from "./events.ts";
import { entropy, signWebhookBody } from "./signature.ts";

export interface WebhookDelivery {
  atMs: number;
  kind: "intent-to-receive" | "events";
  status: number | "network-error";
  ok: boolean;
  eventCount: number;
}

/** Deliveries kept for the console; older ones are dropped so repeated checks cannot grow memory. */
const KEPT_DELIVERIES = 100;

export type WebhookStatus =
  | "not-configured"
  | "pending-intent-to-receive"
  | "active"
  | "intent-to-receive-failed"
  | "disabled";

/** Events kept while the webhook is disabled (Xero keeps them for replay too); the oldest go first. */
const KEPT_WHILE_DISABLED = 10_000;

/** Misbehaviour asked for from the console or a test, applied to the next deliveries with events. */
export interface WebhookMisbehaviour {
  /** The next N deliveries are each POSTed twice. */
  duplicate: number;
  /** The next N deliveries are split into one POST per event, sent newest first. */
  outOfOrder: number;
}

/**
 * Batches resource events into signed POSTs like Xero's webhook service. Delivery only starts
 * once the receiver has passed Intent to Receive; failed batches are retried on a schedule.
 */
export class WebhookDispatcher implements EventSink {
  private queue: ResourceEvent[] = [];
  private sequence = 0;
  private timer: NodeJS.Timeout | undefined;
  private retryIndex = 0;
  private busy: Promise<void> | undefined;
  private verified = false;
  private itrFailed = false;
  private disabled = false;
  private readonly misbehaviour: WebhookMisbehaviour = { duplicate: 0, outOfOrder: 0 };
  readonly deliveries: WebhookDelivery[] = [];

  constructor(
    private readonly clock: SandboxClock,
    private readonly timing: XeroSandboxWebhookTiming,
    private readonly resourceBaseUrl: string,
    private url?: string,
    private key?: string,
  ) {}

  configure(url: string | undefined, key: string | undefined): void {
    this.url = url;
    this.key = key;
    this.verified = false;
    this.itrFailed = false;
    this.disabled = false;
    this.retryIndex = 0;
    if (this.queue.length > 0) this.schedule(0);
  }

  /** Duplicate or reorder the next deliveries, as Xero's at-least-once delivery may. */
  misbehave(change: Partial<WebhookMisbehaviour>): WebhookMisbehaviour {
    this.misbehaviour.duplicate = Math.max(0, Math.min(100, change.duplicate ?? this.misbehaviour.duplicate));
    this.misbehaviour.outOfOrder = Math.max(0, Math.min(100, change.outOfOrder ?? this.misbehaviour.outOfOrder));
    return { ...this.misbehaviour };
  }

  /** Re-enables a disabled webhook: Intent to Receive again, then the held events in order. */
  replay(): number {
    const held = this.queue.length;
    this.disabled = false;
    this.verified = false;
    this.itrFailed = false;
    this.retryIndex = 0;
    if (held > 0) this.schedule(0);
    return held;
  }

  get status(): WebhookStatus {
    if (!this.url || !this.key) return "not-configured";
    if (this.disabled) return "disabled";
    if (this.verified) return "active";
    return this.itrFailed ? "intent-to-receive-failed" : "pending-intent-to-receive";
  }

  pendingEvents(): number {
    return this.queue.length;
  }

  emit(event: ResourceEvent): void {
    if (!this.url || !this.key) return;
    this.queue.push(event);
    if (this.disabled) {
      if (this.queue.length > KEPT_WHILE_DISABLED) this.queue.splice(0, this.queue.length - KEPT_WHILE_DISABLED);
      return;
    }
    if (!this.timer && !this.busy) this.schedule(this.timing.batchDelayMs);
  }

  /** Xero sends a few signed and a few badly signed empty payloads; all must be answered right. */
  async intentToReceive(): Promise<boolean> {
    if (!this.url || !this.key) return false;
    const plan = [true, false, true, false];
    let passed = true;
    for (const valid of plan) {
      const body = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: entropy() });
      const signature = valid ? signWebhookBody(body, this.key) : signWebhookBody(body, `${this.key}-wrong`);
      const status = await this.post(body, signature);
      const ok = valid ? status === 200 : status === 401;
      this.record({ atMs: this.clock.nowMs(), kind: "intent-to-receive", status, ok, eventCount: 0 });
      passed &&= ok;
    }
    this.verified = passed;
    this.itrFailed = !passed;
    return passed;
  }

  /** Resolves once nothing is queued or in flight (retries still pending count as queued). */
  async idle(): Promise<void> {
    while (this.busy || (this.timer && this.queue.length > 0 && !this.disabled)) {
      await (this.busy ?? new Promise((resolve) => setTimeout(resolve, 10)));
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.busy = this.flush().finally(() => {
        this.busy = undefined;
      });
    }, delayMs);
  }

  private async flush(): Promise<void> {
    if (this.queue.length === 0) return;
    if (!this.verified && !(await this.intentToReceive())) return this.retryLater();
    const batch = this.queue;
    this.queue = [];
    const first = this.sequence + 1;
    this.sequence += batch.length;
    const ok = await this.deliver(batch, first);
    if (ok) {
      this.retryIndex = 0;
      if (this.queue.length > 0) this.schedule(this.timing.batchDelayMs);
      return;
    }
    this.queue = [...batch, ...this.queue];
    this.retryLater();
  }

  /** One batch as one POST, or misbehaving: split newest first, and/or each POST sent twice. */
  private async deliver(batch: ResourceEvent[], first: number): Promise<boolean> {
    const reorder = this.misbehaviour.outOfOrder > 0;
    const twice = this.misbehaviour.duplicate > 0;
    if (reorder) this.misbehaviour.outOfOrder -= 1;
    if (twice) this.misbehaviour.duplicate -= 1;
    const posts = reorder
      ? batch.map((event, i) => ({ events: [event], first: first + i })).reverse()
      : [{ events: batch, first }];
    let ok = true;
    for (const post of posts) {
      const body = JSON.stringify({
        events: post.events.map((e) => this.toWire(e)),
        firstEventSequence: post.first,
        lastEventSequence: post.first + post.events.length - 1,
        entropy: entropy(),
      });
      for (let copy = 0; copy < (twice ? 2 : 1); copy += 1) {
        const status = await this.post(body, signWebhookBody(body, this.key ?? ""));
        const delivered = status === 200;
        this.record({
          atMs: this.clock.nowMs(),
          kind: "events",
          status,
          ok: delivered,
          eventCount: post.events.length,
        });
        ok &&= delivered;
      }
    }
    return ok;
  }

  private record(delivery: WebhookDelivery): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > KEPT_DELIVERIES) this.deliveries.splice(0, this.deliveries.length - KEPT_DELIVERIES);
  }

  private retryLater(): void {
    const delay = this.timing.retryDelaysMs[this.retryIndex];
    if (delay === undefined) {
      // Like Xero after a day of failures: the webhook is disabled; its events wait for a replay.
      this.disabled = true;
      this.retryIndex = 0;
      return;
    }
    this.retryIndex += 1;
    this.schedule(delay);
  }

  private toWire(event: ResourceEvent): Record<string, unknown> {
    const collection = event.category === "INVOICE" ? "Invoices" : "Contacts";
    return {
      resourceUrl: `${this.resourceBaseUrl}/${collection}/${event.resourceId}`,
      resourceId: event.resourceId,
      eventDateUtc: new Date(event.atMs).toISOString().slice(0, 23),
      eventType: event.type,
      eventCategory: event.category,
      tenantId: event.tenantId,
      tenantType: "ORGANISATION",
    };
  }

  private async post(body: string, signature: string): Promise<number | "network-error"> {
    try {
      const response = await fetch(this.url ?? "", {
        method: "POST",
        headers: { "content-type": "application/json", "x-xero-signature": signature },
        body,
        // A redirect counts as a failed delivery, so a receiver cannot pass the POST on to another host.
        redirect: "manual",
        signal: AbortSignal.timeout(this.timing.timeoutMs),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return "network-error";
    }
  }
}
