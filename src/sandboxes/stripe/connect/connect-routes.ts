import { Hono } from "hono";
import type { StripeSandboxContext } from "../context.ts";

/** connect.stripe.com: the authorize page a person approves or denies, and the token endpoints. */
export function connectRoutes(_ctx: StripeSandboxContext): Hono {
  return new Hono();
}

/** `/oauth/token` and `/oauth/deauthorize`, which the SDK calls on the API host it is configured with. */
export function oauthApiRoutes(_ctx: StripeSandboxContext): Hono {
  return new Hono();
}
