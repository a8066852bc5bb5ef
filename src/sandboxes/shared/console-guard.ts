import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";

export const CONSOLE_TOKEN_HEADER = "x-sandbox-token";
/** One cookie for every sandbox under the same parent path (/sandbox), as they share the token. */
export const CONSOLE_COOKIE = "sandbox_console";

/** Hashing first gives equal-length inputs, so the comparison time says nothing about the token. */
export function sameToken(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

export interface ConsoleGuardOptions {
  token: string;
  /** Where the sandbox is mounted, as the browser sees it, e.g. http://localhost:3000/sandbox/xero */
  publicUrl: string;
  /** The service the sandbox plays, for the page shown without the token: "Xero", "Stripe". */
  product: string;
}

/**
 * Guards the console page, its script and its JSON API. The header or the cookie proves the token; the
 * page also takes `?token=` once (the link printed at start), turns it into an HttpOnly SameSite=Strict
 * cookie and redirects to the same page without it, so the token leaves the address bar and history.
 */
export function consoleGuard(
  options: ConsoleGuardOptions,
  answer: "page" | "json",
  acceptsLink = false,
): MiddlewareHandler {
  const mountPath = new URL(options.publicUrl).pathname.replace(/\/+$/, "");
  const cookiePath = mountPath.replace(/\/[^/]*$/, "") || "/";
  const secure = options.publicUrl.startsWith("https:");
  return async (c, next) => {
    c.header("cache-control", "no-store");
    const fromLink = acceptsLink ? c.req.query("token") : undefined;
    if (fromLink !== undefined) {
      if (!sameToken(fromLink, options.token)) return refuse(c, answer, options.product);
      setCookie(c, CONSOLE_COOKIE, options.token, { httpOnly: true, sameSite: "Strict", path: cookiePath, secure });
      const query = new URL(c.req.url).searchParams;
      query.delete("token");
      const rest = query.toString();
      // A path, not a URL: the cookie belongs to the host the browser used, which may differ from publicUrl's.
      return c.redirect(`${mountPath}/console${rest ? `?${rest}` : ""}`, 303);
    }
    const presented = c.req.header(CONSOLE_TOKEN_HEADER) ?? getCookie(c, CONSOLE_COOKIE);
    if (presented !== undefined && sameToken(presented, options.token)) return next();
    return refuse(c, answer, options.product);
  };
}

function refuse(c: Context, answer: "page" | "json", product: string): Response {
  if (answer === "json") {
    return c.json(
      {
        errors: [
          "The sandbox console needs its token: send it as X-Sandbox-Token, or open the console link printed when the server started.",
        ],
      },
      401,
    );
  }
  return c.html(unauthorisedPage(product), 401);
}

const unauthorisedPage = (product: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${product} sandbox console</title>
<style>body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1f2330;padding:40px}.card{background:#fff;border-radius:12px;padding:24px;max-width:640px;margin:auto}code{background:#f0f1f5;padding:2px 5px;border-radius:5px}</style></head>
<body><div class="card"><h1>Open the console with its link</h1>
<p>The ${product} sandbox console needs its access link. When the server starts it prints a line such as
<code>${product} sandbox console: http://localhost:3000/sandbox/${product.toLowerCase()}/console?token=…</code>; open that link in this browser.</p>
<p>The token is kept in the data directory, in the file <code>sandbox-console-token</code>
(<code>npx settle sandbox ${product.toLowerCase()}</code> prints it as <code>console_token</code>).</p></div></body></html>`;
