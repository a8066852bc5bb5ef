import { resolve } from "node:path";
import { z } from "zod";
import type { XeroConfig } from "./integrations/accounting/xero-auth.ts";
import type { StripeConfig } from "./integrations/payments/stripe.ts";
import { defaultMailFrom } from "./modules/mail/mail-settings.ts";
import { DEMO_APP } from "./sandboxes/xero/identity/demo-app.ts";

/** The only place that reads process.env. Parsed once at start; a bad value stops the process with its name. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SETTLE_DEMO: z.enum(["0", "1"]).optional(),
  SETTLE_SANDBOXES: z.enum(["0", "1"]).optional(),
  XERO_SANDBOX_CALLS_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).optional(),
  NODE_ENV: z.string().optional(),
  COOKIE_SECURE: z.enum(["auto", "0", "1"]).default("auto"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  SETTLE_WORKER: z.enum(["0", "1"]).default("1"),
  SETTLE_API_KEY: z.string().startsWith("stl_live_", "must be an API key (stl_live_…)").optional(),
  XERO_CLIENT_ID: z.string().min(1).optional(),
  XERO_CLIENT_SECRET: z.string().min(1).optional(),
  XERO_LOGIN_URL: z.url().optional(),
  XERO_IDENTITY_URL: z.url().optional(),
  XERO_API_URL: z.url().optional(),
  XERO_WEBHOOK_KEY: z.string().min(16, "must be the Xero app's webhook key").max(500).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_…)")
    .optional(),
  STRIPE_CLIENT_ID: z.string().startsWith("ca_", "must be a Connect client id (ca_…)").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must be a webhook signing secret (whsec_…)").optional(),
  STRIPE_API_URL: z.url().optional(),
  STRIPE_CONNECT_URL: z.url().optional(),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").max(500).optional(),
  SETTLE_SECRET_KEY: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
  SMTP_URL: z
    .string()
    .max(2000)
    .regex(/^smtps?:\/\/[^/\s]+/, "must be smtp://user:password@host:port or smtps://…")
    .optional(),
  MAIL_FROM: z
    .string()
    .max(320)
    .regex(/^[^\r\n]*@[^\r\n]+$/, 'must be an address, e.g. "Acme Billing <billing@acme.example>"')
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  /** Seed the demo workspace on an empty database: on by default only for the embedded database. */
  seedDemo: boolean;
  /**
   * Mount the local Xero (and later Stripe) sandboxes at /sandbox/*: on by default only for the embedded
   * database, so a production deployment on PostgreSQL never exposes them unless asked to.
   */
  sandboxes: boolean;
  /**
   * Calls a minute the bundled Xero sandbox allows each organisation (Xero's own: 60), for load tests and fast
   * demos; Settle's limiter follows it, staying 5 under. Unset: Xero's limits on both sides.
   */
  xeroSandboxCallsPerMinute: number | undefined;
  cookieSecure: "auto" | boolean;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  /** Run the job worker inside `settle start` (default); 0 when separate `settle worker` processes do it. */
  runWorker: boolean;
  /** The key `settle mcp` (stdio) acts with when --api-key is not given. */
  apiKey: string | undefined;
  /**
   * Xero app and endpoints. With XERO_CLIENT_ID they default to Xero's real hosts; without it, to the sandbox
   * this server mounts and its demo app; with neither, Xero is not configured (connecting says how to fix it).
   */
  xero: XeroConfig | undefined;
  /**
   * Stripe platform credentials and hosts. With STRIPE_SECRET_KEY they are Stripe's own (the client id and
   * webhook secret are then required); without it and with the sandboxes mounted, "sandbox": the mounted
   * Stripe sandbox, whose keys are derived at start from DATA_DIR's console token; otherwise not configured.
   */
  stripe: StripeConfig | "sandbox" | undefined;
  /** Bearer token that opens /metrics to callers other than loopback; unset, only loopback may scrape. */
  metricsToken: string | undefined;
  /** Seals stored credentials (Xero tokens); unset, a key generated into DATA_DIR/secret-key is used. */
  secretKey: string | undefined;
  /**
   * Outgoing mail. With SMTP_URL, messages go to that server; without it (the embedded default) they stay in
   * the mail log, marked sent, and are read in the app's Outbox. `from` is MAIL_FROM or no-reply at PUBLIC_URL's host.
   */
  mail: { smtpUrl: string | undefined; from: string };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as shells and container files write it.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = Env.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  const sandboxes = e.SETTLE_SANDBOXES ? e.SETTLE_SANDBOXES === "1" : !e.DATABASE_URL;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SETTLE_DEMO ? e.SETTLE_DEMO === "1" : !e.DATABASE_URL,
    sandboxes,
    xeroSandboxCallsPerMinute: e.XERO_SANDBOX_CALLS_PER_MINUTE,
    cookieSecure: e.COOKIE_SECURE === "auto" ? "auto" : e.COOKIE_SECURE === "1",
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    runWorker: e.SETTLE_WORKER === "1",
    apiKey: e.SETTLE_API_KEY,
    xero: xeroConfig(e, sandboxes ? `${publicUrl}/sandbox/xero` : undefined),
    stripe: stripeConfig(e, sandboxes),
    metricsToken: e.METRICS_TOKEN,
    secretKey: e.SETTLE_SECRET_KEY,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? defaultMailFrom(publicUrl) },
  };
}

const XERO_HOSTS = {
  loginUrl: "https://login.xero.com",
  identityUrl: "https://identity.xero.com",
  apiUrl: "https://api.xero.com",
};

function xeroConfig(e: z.infer<typeof Env>, sandbox: string | undefined): XeroConfig | undefined {
  const real = Boolean(e.XERO_CLIENT_ID);
  if (!real && !sandbox) {
    return undefined;
  }
  const hosts = real
    ? XERO_HOSTS
    : { loginUrl: `${sandbox}/login`, identityUrl: `${sandbox}/identity`, apiUrl: `${sandbox}/api` };
  return {
    clientId: e.XERO_CLIENT_ID ?? DEMO_APP.clientId,
    clientSecret: e.XERO_CLIENT_SECRET ?? (real ? "" : DEMO_APP.clientSecret),
    loginUrl: (e.XERO_LOGIN_URL ?? hosts.loginUrl).replace(/\/$/, ""),
    identityUrl: (e.XERO_IDENTITY_URL ?? hosts.identityUrl).replace(/\/$/, ""),
    apiUrl: (e.XERO_API_URL ?? hosts.apiUrl).replace(/\/$/, ""),
    // The bundled sandbox signs its webhooks with its demo app's key.
    webhookKey: e.XERO_WEBHOOK_KEY ?? (real ? undefined : DEMO_APP.webhookKey),
    // A sandbox started at another pace: the limiter follows it, 5 under, as it stays under Xero's 60.
    callLimits:
      !real && e.XERO_SANDBOX_CALLS_PER_MINUTE ? { perMinute: e.XERO_SANDBOX_CALLS_PER_MINUTE - 5 } : undefined,
  };
}

function stripeConfig(e: z.infer<typeof Env>, sandboxes: boolean): StripeConfig | "sandbox" | undefined {
  if (!e.STRIPE_SECRET_KEY) return sandboxes ? "sandbox" : undefined;
  const missing = [
    ["STRIPE_CLIENT_ID", e.STRIPE_CLIENT_ID],
    ["STRIPE_WEBHOOK_SECRET", e.STRIPE_WEBHOOK_SECRET],
  ].filter(([, value]) => !value);
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid environment configuration:\n${missing.map(([name]) => `  ${name}: required with STRIPE_SECRET_KEY`).join("\n")}`,
    );
  }
  return {
    secretKey: e.STRIPE_SECRET_KEY,
    clientId: e.STRIPE_CLIENT_ID ?? "",
    webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? "",
    apiUrl: (e.STRIPE_API_URL ?? "https://api.stripe.com").replace(/\/$/, ""),
    connectUrl: (e.STRIPE_CONNECT_URL ?? "https://connect.stripe.com").replace(/\/$/, ""),
  };
}
