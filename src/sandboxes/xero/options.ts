export interface XeroSandboxLimits {
  /** Calls in flight per organisation. Xero: 5. */
  concurrent: number;
  /** Calls per rolling minute per organisation. Xero: 60. */
  perMinute: number;
  /** Calls per rolling 24 hours per organisation. Xero: 5,000. */
  perDay: number;
  /** Calls per rolling minute across all organisations. Xero: 10,000. */
  appPerMinute: number;
}

export interface XeroSandboxWebhookTiming {
  /** How long events are collected before one POST is sent. */
  batchDelayMs: number;
  /** Waits between delivery attempts after a failure; after the last the webhook is disabled until a replay. */
  retryDelaysMs: number[];
  /** How long the receiver gets to answer. Xero: 5 s. */
  timeoutMs: number;
}

export interface XeroSandboxOptions {
  /** Where the sandbox is mounted, e.g. http://127.0.0.1:3000/sandbox/xero */
  publicUrl: string;
  webhookUrl?: string;
  webhookKey?: string;
  now?: () => Date;
  limits?: Partial<XeroSandboxLimits>;
  accessTokenTtlSeconds?: number;
  persistFile?: string;
  webhookTiming?: Partial<XeroSandboxWebhookTiming>;
  /**
   * The secret the console page and its JSON API require (X-Sandbox-Token header, or the cookie its link
   * sets). A random one is made when absent, so the console is never open; read it from `consoleToken`.
   */
  consoleToken?: string;
}

/** Bounds on what the console accepts, so a console user cannot grow the state (or memory) without end. */
export const CONSOLE_LIMITS = {
  /** Request bodies to /console/api. */
  bodyBytes: 64 * 1024,
  /** Organisations in the sandbox; the console cannot add more once this many exist. */
  organisations: 10,
  /** Contacts, invoices, payments, repeating invoices and emails per organisation the console stops at. */
  objectsPerOrganisation: 2000,
  lineItems: 50,
  /** Largest money value (unit amount, line amount, payment) in the organisation's currency. */
  amount: 100_000_000,
  quantity: 100_000,
  /** One clock advance, and how far ahead of the host clock the sandbox clock may run in total. */
  advanceDays: 366,
  clockAheadDays: 3660,
  /** Fault rules pending at once, and calls one rule may cover. */
  pendingFaults: 20,
  faultCount: 100,
  faultDelayMs: 30_000,
} as const;

export const DEFAULT_LIMITS: XeroSandboxLimits = {
  concurrent: 5,
  perMinute: 60,
  perDay: 5000,
  appPerMinute: 10_000,
};

export const DEFAULT_WEBHOOK_TIMING: XeroSandboxWebhookTiming = {
  batchDelayMs: 1000,
  retryDelaysMs: [5_000, 30_000, 120_000, 600_000, 3_600_000],
  timeoutMs: 5_000,
};

export const REFRESH_GRACE_MS = 30 * 60 * 1000;
export const REFRESH_UNUSED_EXPIRY_MS = 60 * 24 * 60 * 60 * 1000;
export const AUTH_CODE_TTL_MS = 5 * 60 * 1000;
export const IDEMPOTENCY_WINDOW_MS = 6 * 60 * 1000;
