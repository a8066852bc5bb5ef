import http from "node:http";
import https from "node:https";

const USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

export type PostOutcome = { status: number | null; error: string | null; body: string };

/**
 * One signed POST of an event's JSON to a receiver, as Stripe sends it: its headers, no redirects followed
 * (a 3xx is a failed delivery), a timeout, and at most 300 characters of the answer kept.
 */
export function postWebhook(
  rawUrl: string,
  body: string,
  signature: string,
  options: { httpAgent: http.Agent; httpsAgent: https.Agent; timeoutMs: number },
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (status: number | null, error: string | null, text = "") => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, error, body: text });
    };
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      finish(null, "invalid URL");
      return;
    }
    const secure = url.protocol === "https:";
    // Redirects are not followed: a 3xx is a failed delivery, as on Stripe.
    const request = (secure ? https : http).request(
      url,
      {
        method: "POST",
        agent: secure ? options.httpsAgent : options.httpAgent,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(body),
          "user-agent": USER_AGENT,
          "stripe-signature": signature,
          accept: "*/*; q=0.5, application/xml",
          "cache-control": "no-cache",
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < 300) text += chunk;
        });
        response.on("end", () => finish(response.statusCode ?? null, null, text.slice(0, 300)));
        response.on("error", (error) => finish(response.statusCode ?? null, error.message, text.slice(0, 300)));
      },
    );
    timer = setTimeout(() => {
      finish(null, `timed out after ${options.timeoutMs} ms`);
      request.destroy();
    }, options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => finish(null, error.code ?? error.message));
    request.end(body);
  });
}
