import type { Db } from "../db/client.ts";
import type { AccountingProvider } from "../integrations/accounting/port.ts";
import type { PaymentsProvider } from "../integrations/payments/port.ts";
import type { Foreground } from "../jobs/foreground.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { SecretBox } from "../lib/secret-box.ts";

/** Everything createApp needs; it reads no environment itself, so tests build it directly. */
export type AppDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  cookieSecure: "auto" | boolean;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  /** Per client IP on /oauth/* (default OAUTH_RATE_LIMIT_PER_MINUTE). */
  oauthRateLimitPerMinute?: number | undefined;
  /** Built web app (vite) to serve at /; absent in API-only tests. */
  webDistDir?: string | undefined;
  /** Loopback admin channel for the CLI while this process holds the PGlite directory. */
  adminSecret?: string | undefined;
  /** Extra sub-apps mounted under a prefix (the local Xero and Stripe sandboxes). */
  /** The accounting adapter (Xero, normally pointed at the mounted sandbox in dev and tests). */
  accounting?: AccountingProvider | undefined;
  /** The Stripe adapter (normally pointed at the mounted sandbox in dev and tests). */
  payments?: PaymentsProvider | undefined;
  /** The sender of the mail Settle queues (MAIL_FROM); links in mail are built from publicUrl. */
  mailFrom?: string | undefined;
  /** Besides loopback callers, who may scrape /metrics: the holder of this bearer token (METRICS_TOKEN). */
  metricsToken?: string | undefined;
  /** Seals webhook signing secrets (SETTLE_SECRET_KEY or DATA_DIR/secret-key). */
  secrets?: SecretBox | undefined;
  /** Requests in flight, shared with a worker running in this process so it gives way to them. */
  foreground?: Foreground | undefined;
  mounts?: { prefix: string; app: { fetch: (request: Request) => Response | Promise<Response> } }[];
};
