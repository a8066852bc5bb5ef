import { timingSafeEqual } from "node:crypto";
import { DEMO_APP } from "./demo-app.ts";

export interface ClientAuth {
  clientId: string;
  /** True when a correct secret was presented (Basic header or form body). */
  authenticated: boolean;
  /** A secret was presented but it is wrong, or the client is unknown. */
  rejected: boolean;
}

/** Reads client credentials the way Xero does: Basic auth first, then form fields. */
export function readClientAuth(header: string | undefined, form: URLSearchParams): ClientAuth {
  let clientId = form.get("client_id") ?? "";
  let secret = form.get("client_secret") ?? undefined;
  if (header?.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    clientId = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  if (clientId !== DEMO_APP.clientId) return { clientId, authenticated: false, rejected: true };
  if (secret === undefined) return { clientId, authenticated: false, rejected: false };
  const ok = safeEqual(secret, DEMO_APP.clientSecret);
  return { clientId, authenticated: ok, rejected: !ok };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
