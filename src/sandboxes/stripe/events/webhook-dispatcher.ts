import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { StripeSandboxContext } from "../context.ts";
import { endpointsOf, endpointWants } from "../resources/webhook-endpoints.ts";
import type { EventSink, StripeEvent } from "./event-bus.ts";
import { postWebhook } from "./webhook-post.ts";

/** Where one event goes: the endpoint configured with the sandbox, or a `we_…` on some account. */
export interface DeliveryTarget {
  /** "configured" or the endpoint's id. */
  endpoint: string;
  /** The account the endpoint belongs to. */
  account: string;
  url: string;
  secret: string;
}

export type DeliveryKind = "automatic" | "retry" | "resend" | "duplicate" | "reorder" | "bad_signature";

export interface DeliveryRecord {
  id: number;
  /** Sandbox clock, ms. */
  at_ms: number;
  event_id: string;
  event_type: string;
  /** The account the event happened on. */
  account: string;
  endpoint: string;
  url: string;
  /** 1 for the first automatic attempt, then 2, 3… for retries; manual sends count from 1. */
  attempt: number;
  kind: DeliveryKind;
  /** The receiver's HTTP status, or null when no answer came (then `error` says why). */
  status: number | null;
  error: string | null;
  ok: boolean;
  ms: number;
  signature_valid: boolean;
  /** The first 300 characters of what the receiver answered. */
  response: string;
}

export type ReorderMode = "reversed" | "shuffled";

interface Job {
  event: StripeEvent;
  account: string;
  target: DeliveryTarget;
  attempt: number;
  kind: DeliveryKind;
  payload?: { json?: string };
  done?: (record: DeliveryRecord) => void;
}

const KEPT_DELIVERIES = 1_000;
const MAX_IN_FLIGHT = 128;
/** Events whose delivery never succeeded to some endpoint are remembered up to this many. */
const KEPT_PENDING_EVENTS = 10_000;
const CONFIGURED = "configured";

/** `Stripe-Signature` as Stripe sends it and `stripe.webhooks.constructEvent` checks it. */
export function signatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

/**
 * Delivers events to webhook endpoints, signed with each endpoint's secret, at least once: an event on
 * account X goes to the endpoint configured with the sandbox (every account's events), to the platform's
 * account endpoints when X is the platform, and, when X is a connected account, to the platform's Connect
 * endpoints and X's own endpoints. Failed attempts are retried on `timing.webhookRetryDelaysMs`; a 2xx
 * ends them and lowers the event's `pending_webhooks`. Sends happen after the emitting request, never in it.
 */
export class WebhookDispatcher implements EventSink {
  private readonly queue: Job[] = [];
  private head = 0;
  private inFlight = 0;
  private pumpScheduled = false;
  private closed = false;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  /** event id → targets (by endpoint) still waiting for a 2xx. */
  private readonly pending = new Map<string, Set<string>>();
  private readonly records: DeliveryRecord[] = [];
  private recordCursor = 0;
  private nextRecordId = 1;
  private idleWaiters: Array<() => void> = [];
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

  constructor(
    private readonly ctx: StripeSandboxContext,
    private readonly configuredUrl: string | undefined,
  ) {}

  /** The endpoint configured with the sandbox (`webhookUrl`), if any. */
  get configured(): DeliveryTarget | undefined {
    if (!this.configuredUrl) return undefined;
    const { platform } = this.ctx.store.state;
    return {
      endpoint: CONFIGURED,
      account: platform.accountId,
      url: this.configuredUrl,
      secret: platform.webhookSecret,
    };
  }

  deliver(event: StripeEvent, onAccount: string): number {
    if (this.closed) return 0;
    const targets = this.targetsFor(event, onAccount);
    if (targets.length === 0) return 0;
    const payload = {};
    const waiting = new Set<string>();
    for (const target of targets) {
      waiting.add(target.endpoint);
      this.enqueue({ event, account: onAccount, target, attempt: 1, kind: "automatic", payload });
    }
    this.pending.set(event.id, waiting);
    if (this.pending.size > KEPT_PENDING_EVENTS) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.pending.delete(oldest);
    }
    return targets.length;
  }

  /** The endpoints that receive an event on `account`, by the rules above and their `enabled_events`. */
  targetsFor(event: StripeEvent, account: string): DeliveryTarget[] {
    const { platform, connected } = this.ctx.store.state;
    const targets: DeliveryTarget[] = [];
    const isPlatform = account === platform.accountId;
    // Once an account disconnected, the platform hears nothing more from it but the disconnection itself.
    const platformHears =
      isPlatform ||
      connected[account]?.deauthorizedAtMs === undefined ||
      event.type === "account.application.deauthorized";
    const configured = this.configured;
    if (configured && platformHears) targets.push(configured);
    if (platformHears) {
      for (const endpoint of endpointsOf(this.ctx.store, platform.accountId)) {
        if (endpoint.connect === !isPlatform && endpointWants(endpoint, event.type)) {
          targets.push({
            endpoint: endpoint.id,
            account: platform.accountId,
            url: endpoint.url,
            secret: endpoint.secret,
          });
        }
      }
    }
    if (!isPlatform) {
      for (const endpoint of endpointsOf(this.ctx.store, account)) {
        if (!endpoint.connect && endpointWants(endpoint, event.type)) {
          targets.push({ endpoint: endpoint.id, account, url: endpoint.url, secret: endpoint.secret });
        }
      }
    }
    return targets;
  }

  /** Recent deliveries, newest first. */
  deliveries(filter: { eventId?: string; limit?: number } = {}): DeliveryRecord[] {
    const ordered = [...this.records.slice(this.recordCursor), ...this.records.slice(0, this.recordCursor)].reverse();
    const matching = filter.eventId ? ordered.filter((record) => record.event_id === filter.eventId) : ordered;
    return matching.slice(0, filter.limit ?? KEPT_DELIVERIES);
  }

  /** Sends an event again to every endpoint that receives it (one attempt each). */
  resend(eventId: string): Promise<DeliveryRecord[]> {
    const { event, account } = this.event(eventId);
    return this.sendNow(event, account, "resend");
  }

  /** Sends an event twice to every endpoint that receives it, as Stripe occasionally does. */
  async duplicate(eventId: string): Promise<DeliveryRecord[]> {
    const { event, account } = this.event(eventId);
    const [first, second] = await Promise.all([
      this.sendNow(event, account, "duplicate"),
      this.sendNow(event, account, "duplicate"),
    ]);
    return [...first, ...second];
  }

  /** Sends an event signed with the wrong secret: a receiver must refuse it. */
  badSignature(eventId: string): Promise<DeliveryRecord[]> {
    const { event, account } = this.event(eventId);
    return this.sendNow(event, account, "bad_signature");
  }

  /**
   * Sends events out of the order they happened in: the given ones, or the `count` most recent, newest
   * first (reversed) or shuffled. Each event is delivered before the next is sent, so they arrive in the
   * order returned.
   */
  async reorder(
    options: { eventIds?: string[]; count?: number; mode?: ReorderMode } = {},
  ): Promise<{ order: string[]; deliveries: DeliveryRecord[] }> {
    let events: Array<{ event: StripeEvent; account: string; seq: number }>;
    if (options.eventIds && options.eventIds.length > 0) {
      events = options.eventIds.map((id) => this.event(id));
    } else {
      // The most recent events that some endpoint receives.
      const wanted = options.count ?? 5;
      events = [];
      for (const { account, body } of this.ctx.store.everywhere<StripeEvent>("event")) {
        if (events.length >= wanted) break;
        if (this.targetsFor(body, account).length === 0) continue;
        events.push({ event: body, account, seq: this.ctx.store.locate(body.id)?.seq ?? 0 });
      }
    }
    const chronological = [...events].sort((a, b) => a.seq - b.seq);
    const order = options.mode === "shuffled" ? shuffled(chronological) : [...chronological].reverse();
    const deliveries: DeliveryRecord[] = [];
    for (const { event, account } of order) deliveries.push(...(await this.sendNow(event, account, "reorder")));
    return { order: order.map(({ event }) => event.id), deliveries };
  }

  /** Resolves once nothing is queued or being sent (scheduled retries do not count). */
  idle(): Promise<void> {
    if (this.inFlight === 0 && this.head >= this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** How many automatic retries are waiting for their time. */
  get scheduledRetries(): number {
    return this.retryTimers.size;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private event(eventId: string): { event: StripeEvent; account: string; seq: number } {
    const stored = this.ctx.store.locate(eventId);
    if (stored?.body.object !== "event") throw new UnknownEventError(eventId);
    return { event: stored.body as StripeEvent, account: stored.account, seq: stored.seq };
  }

  private sendNow(event: StripeEvent, account: string, kind: DeliveryKind): Promise<DeliveryRecord[]> {
    const targets = this.targetsFor(event, account);
    if (targets.length === 0) throw new NoEndpointError(event.id);
    const payload = {};
    return Promise.all(
      targets.map(
        (target) =>
          new Promise<DeliveryRecord>((done) =>
            this.enqueue({ event, account, target, attempt: 1, kind, payload, done }),
          ),
      ),
    );
  }

  private enqueue(job: Job): void {
    if (this.closed) return;
    this.queue.push(job);
    if (!this.pumpScheduled) {
      this.pumpScheduled = true;
      setImmediate(() => {
        this.pumpScheduled = false;
        this.pump();
      });
    }
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.head < this.queue.length) {
      const job = this.queue[this.head] as Job;
      this.head += 1;
      this.inFlight += 1;
      void this.send(job).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    if (this.inFlight === 0 && this.head >= this.queue.length) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private async send(job: Job): Promise<void> {
    const payload = job.payload ?? {};
    payload.json ??= JSON.stringify(job.event, null, 2);
    const bad = job.kind === "bad_signature";
    const signature = signatureHeader(payload.json, bad ? `${job.target.secret}_not_the_secret` : job.target.secret);
    const started = performance.now();
    const result = await postWebhook(job.target.url, payload.json, signature, {
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      timeoutMs: this.ctx.timing.webhookTimeoutMs,
    });
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const record: DeliveryRecord = {
      id: this.nextRecordId++,
      at_ms: this.ctx.clock.nowMs(),
      event_id: job.event.id,
      event_type: job.event.type,
      account: job.account,
      endpoint: job.target.endpoint,
      url: job.target.url,
      attempt: job.attempt,
      kind: job.kind,
      status: result.status,
      error: result.error,
      ok,
      ms: Math.round(performance.now() - started),
      signature_valid: !bad,
      response: result.body,
    };
    this.record(record);
    if (ok && !bad) this.delivered(job.event, job.target.endpoint);
    else if (job.kind === "automatic" || job.kind === "retry") this.retryLater(job);
    job.done?.(record);
  }

  private delivered(event: StripeEvent, endpoint: string): void {
    const waiting = this.pending.get(event.id);
    if (!waiting?.delete(endpoint)) return;
    if (waiting.size === 0) this.pending.delete(event.id);
    event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    this.ctx.store.changed();
  }

  private retryLater(job: Job): void {
    const delay = this.ctx.timing.webhookRetryDelaysMs[job.attempt - 1];
    if (delay === undefined || this.closed) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      // An endpoint deleted or disabled since, or the configured one gone, gets no more attempts.
      const target = this.currentTarget(job);
      if (!target) return;
      this.enqueue({ event: job.event, account: job.account, target, attempt: job.attempt + 1, kind: "retry" });
    }, delay);
    timer.unref();
    this.retryTimers.add(timer);
  }

  private currentTarget(job: Job): DeliveryTarget | undefined {
    if (job.target.endpoint === CONFIGURED) return this.configured;
    const endpoint = endpointsOf(this.ctx.store, job.target.account).find((e) => e.id === job.target.endpoint);
    if (endpoint?.status !== "enabled") return undefined;
    return { endpoint: endpoint.id, account: job.target.account, url: endpoint.url, secret: endpoint.secret };
  }

  private record(record: DeliveryRecord): void {
    if (this.records.length < KEPT_DELIVERIES) {
      this.records.push(record);
      return;
    }
    this.records[this.recordCursor] = record;
    this.recordCursor = (this.recordCursor + 1) % KEPT_DELIVERIES;
  }
}

export class UnknownEventError extends Error {
  constructor(readonly eventId: string) {
    super(`No such event: '${eventId}'`);
  }
}

export class NoEndpointError extends Error {
  constructor(readonly eventId: string) {
    super(`No webhook endpoint receives event ${eventId}.`);
  }
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  // A shuffle that happens to keep the original order would show nothing; swap the first two.
  if (out.length > 1 && out.every((item, index) => item === items[index])) {
    [out[0], out[1]] = [out[1] as T, out[0] as T];
  }
  return out;
}
