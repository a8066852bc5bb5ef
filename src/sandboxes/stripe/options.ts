export interface StripeSandboxLimits {
  /** Requests per second per account. Stripe's test mode: 25. */
  perSecond: number;
}

export interface StripeSandboxTiming {
  /** Waits between delivery attempts of an event to an endpoint after a failure; it is dropped after the last. */
  webhookRetryDelaysMs: number[];
  /** How long an endpoint gets to answer. */
  webhookTimeoutMs: number;
  /** How often the sandbox looks at its clock for work that falls due (expiries, renewals, settlements). */
  tickIntervalMs: number;
  /** Sandbox time a bank debit takes to settle or fail. */
  asyncSettlementMs: number;
  /** Sandbox time before an open checkout session expires. Stripe: 24 hours. */
  checkoutExpiryMs: number;
}

export interface StripeSandboxOptions {
  /** Where the sandbox is mounted, e.g. http://127.0.0.1:3000/sandbox/stripe */
  publicUrl: string;
  /**
   * An endpoint configured with the sandbox, receiving the platform's and connected accounts' events,
   * signed with the state's `webhookSecret` (what `stripe listen` gives a developer).
   */
  webhookUrl?: string;
  /** Hosts, besides loopback, that webhook endpoints may target (Settle's own). */
  allowedWebhookHosts?: string[];
  now?: () => Date;
  limits?: Partial<StripeSandboxLimits>;
  timing?: Partial<StripeSandboxTiming>;
  persistFile?: string;
  /**
   * Derives the platform's account id, keys and webhook secret (instead of random ones), so processes that
   * share the seed agree on them; see `stripeSandboxCredentials`.
   */
  credentialSeed?: string;
  /** The secret the console and its JSON API require; a random one is made when absent. */
  consoleToken?: string;
}

export const DEFAULT_LIMITS: StripeSandboxLimits = { perSecond: 25 };

export const DEFAULT_TIMING: StripeSandboxTiming = {
  webhookRetryDelaysMs: [5_000, 30_000, 120_000, 600_000],
  webhookTimeoutMs: 10_000,
  tickIntervalMs: 1_000,
  asyncSettlementMs: 3 * 24 * 3600_000,
  checkoutExpiryMs: 24 * 3600_000,
};

/** The API version the sandbox renders objects and events in: the one stripe@23 pins. */
export const API_VERSION = "2026-10-28.endive";
