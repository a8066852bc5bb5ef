import { join } from "node:path";
import type { Config } from "../config.ts";
import type { PaymentsProvider } from "../integrations/payments/port.ts";
import { createStripePayments } from "../integrations/payments/stripe.ts";
import { loadOrCreateConsoleToken } from "../sandboxes/shared/console-token.ts";
// The platform record alone: deriving the keys must not load the whole sandbox into a worker.
import { newPlatform } from "../sandboxes/stripe/state/platform.ts";
import { CONSOLE_TOKEN_FILE } from "./sandbox-mounts.ts";

/**
 * The Stripe adapter for this process: Stripe itself with STRIPE_SECRET_KEY, else the mounted sandbox, whose
 * platform keys every process sharing DATA_DIR derives from the same console token (API and workers agree).
 */
export function createPaymentsProvider(config: Config): PaymentsProvider | undefined {
  if (config.stripe === undefined) return undefined;
  if (config.stripe !== "sandbox") return createStripePayments(config.stripe);
  const seed = loadOrCreateConsoleToken(join(config.dataDir, CONSOLE_TOKEN_FILE));
  const platform = newPlatform(seed);
  return createStripePayments({
    secretKey: platform.secretKey,
    clientId: platform.clientId,
    webhookSecret: platform.webhookSecret,
    // The sandbox answers /v1 and /oauth at this server's root, where the SDK's host option sends them.
    apiUrl: config.publicUrl,
    connectUrl: `${config.publicUrl}/sandbox/stripe/connect`,
  });
}
