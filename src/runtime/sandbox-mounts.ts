import { join } from "node:path";
import type { Config } from "../config.ts";
import { createStripeSandbox } from "../sandboxes/stripe/index.ts";
import { DEMO_APP } from "../sandboxes/xero/identity/demo-app.ts";
import { createXeroSandbox, loadOrCreateConsoleToken } from "../sandboxes/xero/index.ts";

type Mount = { prefix: string; app: { fetch: (request: Request) => Response | Promise<Response> } };

export type SandboxMounts = {
  mounts: Mount[];
  /** Lines to print at start: each sandbox console's link, carrying the console token. */
  consoleLinks: string[];
  close(): Promise<void>;
};

/** One token for every sandbox console, generated once per data directory. */
export const CONSOLE_TOKEN_FILE = "sandbox-console-token";

/**
 * The local Xero and Stripe sandboxes, mounted in Settle's own server at /sandbox/xero and /sandbox/stripe
 * for dev, demo and tests, so the real adapters can point at them offline. Stripe's API is also answered at
 * /v1 and /oauth on the server's root, where the Stripe SDK's `host` option sends it. Nothing is mounted unless `config.sandboxes` (SETTLE_SANDBOXES) is
 * on. Its state lives in its own snapshot file beside the database; its console needs the token kept in
 * DATA_DIR, also on PostgreSQL, where DATA_DIR holds nothing else.
 */
export async function createSandboxMounts(config: Config): Promise<SandboxMounts> {
  if (!config.sandboxes) {
    return { mounts: [], consoleLinks: [], close: async () => undefined };
  }
  const consoleToken = loadOrCreateConsoleToken(join(config.dataDir, CONSOLE_TOKEN_FILE));
  const publicUrl = `${config.publicUrl}/sandbox/xero`;
  const xero = createXeroSandbox({
    publicUrl,
    consoleToken,
    // Settle's own receiver, signed with the demo app's key (Settle's default XERO_WEBHOOK_KEY).
    webhookUrl: `${config.publicUrl}/webhooks/xero`,
    webhookKey: DEMO_APP.webhookKey,
    ...(config.xeroSandboxCallsPerMinute ? { limits: { perMinute: config.xeroSandboxCallsPerMinute } } : {}),
    ...(config.databaseUrl ? {} : { persistFile: join(config.dataDir, "xero-sandbox.json") }),
  });
  const stripeUrl = `${config.publicUrl}/sandbox/stripe`;
  const stripe = createStripeSandbox({
    publicUrl: stripeUrl,
    consoleToken,
    // Every process sharing DATA_DIR (API, workers) derives the same platform keys from the shared token.
    credentialSeed: consoleToken,
    // Settle's own receiver: the sandbox delivers every event, signed as Stripe does, like `stripe listen`.
    webhookUrl: `${config.publicUrl}/webhooks/stripe`,
    allowedWebhookHosts: [new URL(config.publicUrl).host],
    ...(config.databaseUrl ? {} : { persistFile: join(config.dataDir, "stripe-sandbox.json") }),
  });
  const atRoot = (prefix: string) => ({
    prefix,
    app: {
      // mount() strips the prefix; the sandbox wants the whole /v1/... or /oauth/... path back.
      fetch: (request: Request) => {
        const url = new URL(request.url);
        url.pathname = `${prefix}${url.pathname === "/" ? "" : url.pathname}`;
        return stripe.hostFetch(new Request(url, request));
      },
    },
  });
  return {
    mounts: [
      { prefix: "/sandbox/xero", app: xero.app },
      { prefix: "/sandbox/stripe", app: stripe.app },
      atRoot("/v1"),
      atRoot("/oauth"),
    ],
    consoleLinks: [
      `Xero sandbox console: ${publicUrl}/console?token=${consoleToken}`,
      `Stripe sandbox console: ${stripeUrl}/console?token=${consoleToken}`,
    ],
    close: async () => {
      await xero.close();
      await stripe.close();
    },
  };
}
