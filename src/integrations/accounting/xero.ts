import type { SecretBox } from "../../lib/secret-box.ts";
import type { AccountingProvider } from "./port.ts";
import { createXeroAuth, type XeroConfig } from "./xero-auth.ts";
import { createXeroLedger } from "./xero-ledger.ts";
import { verifyXeroSignature } from "./xero-webhook-signature.ts";

/**
 * The Xero adapter: OAuth with fetch, accounting with the official AccountingApi pointed at `apiUrl`, and the
 * box that seals its tokens for storage.
 */
export function createXeroAccounting(config: XeroConfig, tokenBox: SecretBox): AccountingProvider {
  return {
    auth: createXeroAuth(config),
    verifyWebhook: (rawBody, signature) => verifyXeroSignature(rawBody, signature, config.webhookKey),
    ledger: ({ accessToken, tenantId, gate }) => createXeroLedger(config.apiUrl, accessToken, tenantId, gate),
    tokenBox,
    callLimits: { ...config.callLimits },
  };
}
