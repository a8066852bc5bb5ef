import type { AccountingApi } from "xero-node";
import { AppError } from "../../lib/errors.ts";
import { countProviderCall } from "../../lib/metrics.ts";
import { parseXeroFailure, xeroValidationMessages } from "./xero-mapping.ts";

// A minute-limit 429 is worth waiting out inside a request; a day-limit one (hours) is not.
const MAX_RETRY_AFTER_SECONDS = 10;
const MAX_ATTEMPTS = 3;
/** No Xero call may hold a request (or a job) longer than this. */
export const XERO_TIMEOUT_MS = 20_000;
/**
 * A pooled keep-alive socket the other end closed while idle fails the next request written on it before any
 * of it was read (ECONNRESET/EPIPE, "socket hang up"): Xero's load balancer does this after its idle timeout,
 * and any server does when the caller's event loop was busy past the keep-alive window. Nothing reached Xero,
 * so a read (or a write carrying an Idempotency-Key) is sent once more, on a fresh socket.
 */
const RESET_SOCKET = /ECONNRESET|EPIPE|socket hang up/i;

export type CallXeroOptions = { retry429?: boolean; replaySafe?: boolean };

/**
 * Every SDK call goes through here: unless a limiter gates the ledger (it pauses the organisation instead),
 * 429s wait out a short Retry-After (only for reads and keyed writes, which replay safely), and failures become AppError with Xero's own validation message. `details.xero_status` carries
 * Xero's HTTP status (0 when it never answered: a timeout or a refused connection).
 */
export async function callXero<T>(what: string, fn: () => Promise<T>, options: CallXeroOptions = {}): Promise<T> {
  const { retry429 = true, replaySafe = false } = options;
  let resets = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await countProviderCall("xero", fn);
    } catch (error) {
      const failure = parseXeroFailure(error);
      if (replaySafe && failure.status === 0 && resets === 0 && RESET_SOCKET.test(String(failure.body ?? ""))) {
        resets += 1;
        continue;
      }
      const wait = failure.retryAfterSeconds ?? 1;
      if (retry429 && failure.status === 429 && attempt < MAX_ATTEMPTS && wait <= MAX_RETRY_AFTER_SECONDS) {
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        continue;
      }
      if (failure.status === 429) {
        throw new AppError("rate_limited", `Xero is rate limiting this organisation; retry in ${wait} s.`, {
          // `retry_after` is the key errorResponse turns into Settle's own Retry-After header.
          details: { retry_after: wait, xero_status: 429 },
        });
      }
      const messages = xeroValidationMessages(failure.body);
      const reason = messages.length > 0 ? messages.join(" ") : `Xero answered ${failure.status || "nothing"}.`;
      // Xero's own refusal of the request is the caller's to fix (4xx); anything else is Xero failing (502).
      const refused = failure.status === 400 || failure.status === 404 || failure.status === 409;
      throw new AppError(refused ? "invalid_input" : "upstream_failed", `${what} failed: ${reason}`, {
        details: { xero_status: failure.status, xero_messages: messages },
        cause: error,
      });
    }
  }
}

/** Whether a failure from callXero is Xero refusing the access token (expired, revoked, disconnected). */
export function isXeroUnauthorized(error: unknown): boolean {
  return error instanceof AppError && (error.details?.xero_status === 401 || error.details?.xero_status === 403);
}

// xero-node takes about half a second to load, so it is loaded on the first Xero call rather than at start.
let sdk: Promise<typeof import("xero-node")> | undefined;

/** An AccountingApi for one access token whose every request times out after XERO_TIMEOUT_MS. */
export async function accountingApi(apiUrl: string, accessToken: string): Promise<AccountingApi> {
  sdk ??= import("xero-node");
  const { AccountingApi } = await sdk;
  const api = new AccountingApi(`${apiUrl}/api.xro/2.0`);
  api.accessToken = accessToken;
  // xero-node exposes no timeout option; its default authentication sees each request's axios options.
  api.setDefaultAuthentication({
    applyToRequest: (options: { timeout?: number }) => {
      options.timeout = XERO_TIMEOUT_MS;
    },
  } as unknown as Parameters<AccountingApi["setDefaultAuthentication"]>[0]);
  return api;
}
