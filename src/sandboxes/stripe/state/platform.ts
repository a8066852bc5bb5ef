import { createHmac, randomBytes } from "node:crypto";
import { base62 } from "../core/ids.ts";
import type { PlatformRecord } from "./types.ts";

/**
 * The platform account the sandbox's secret key belongs to. With a seed, its ids and keys are derived from
 * it, so every process given the same seed (API and workers sharing a data directory) agrees on them
 * without sharing the sandbox's state; without one they are random.
 */
export function newPlatform(seed?: string): PlatformRecord {
  const derive = (label: string, length: number, random: () => string) =>
    seed ? createHmac("sha256", seed).update(`stripe-sandbox:${label}`).digest("hex").slice(0, length) : random();
  return {
    accountId: `acct_${derive("account", 16, () => base62(16))}`,
    secretKey: `sk_test_${derive("secret_key", 64, () => base62(99))}`,
    publishableKey: `pk_test_${derive("publishable_key", 64, () => base62(99))}`,
    clientId: `ca_${derive("client_id", 32, () => base62(16))}`,
    webhookSecret: `whsec_${derive("webhook_secret", 48, () => randomBytes(24).toString("hex"))}`,
    redirectUris: [],
  };
}
