import { Webhook } from "standardwebhooks";

export type WebhookAttempt = { ok: boolean; status: number | null; excerpt: string | null; error: string | null };

const EXCERPT_CHARS = 500;
const TIMEOUT_MS = 10_000;

/**
 * Standard Webhooks headers for one delivery: `webhook-id` is the same on every attempt (receivers dedupe
 * on it), `webhook-timestamp` is this attempt's, `webhook-signature` is `v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">` keyed by the secret's base64 part.
 */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  const signature = new Webhook(secret).sign(messageId, at, body);
  return {
    "content-type": "application/json",
    "user-agent": "Settle-Webhooks/1",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

/** One POST; any 2xx is delivered, anything else (or no answer within 10 s) is a failed attempt. */
export async function postWebhook(url: string, headers: Record<string, string>, body: string): Promise<WebhookAttempt> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text().catch(() => "");
    const excerpt = text.slice(0, EXCERPT_CHARS) || null;
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, excerpt, error: ok ? null : `The receiver answered ${response.status}.` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, status: null, excerpt: null, error: `No answer from the receiver: ${message}` };
  }
}
