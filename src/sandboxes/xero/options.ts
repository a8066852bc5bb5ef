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
  /** Waits between delivery attempts after a failure; the batch is dropped after the last. */
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
}

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
