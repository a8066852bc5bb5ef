import { Hono } from "hono";
import type { StripeSandboxContext } from "../context.ts";

/** checkout.stripe.com / buy.stripe.com: the hosted pages a payer opens from a payment link. */
export function checkoutRoutes(_ctx: StripeSandboxContext): Hono {
  return new Hono();
}
