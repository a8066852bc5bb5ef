import { OpenAPIHono, z } from "@hono/zod-openapi";
import { StripeStatusSchema, toStripeStatusDto } from "../../dto/stripe-status.ts";
import {
  completeStripeConnect,
  disconnectStripe,
  getStripeStatus,
  startStripeConnect,
} from "../../modules/payments/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, json } from "../openapi.ts";

const tags = ["Integrations"];
const CallbackQuery = z.object({
  code: z.string().max(500).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

/** Connecting the workspace's Stripe account (SPEC §5): Connect OAuth for Standard accounts. */
export function stripeIntegrationRoutes(publicUrl: string) {
  const redirectUri = `${publicUrl}/api/v1/integrations/stripe/callback`;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      apiRoute({
        method: "get",
        path: "/integrations/stripe",
        tags,
        summary: "Stripe connection status: the connected account, or why it is not connected",
        scope: "integrations:read",
        responses: { 200: json(StripeStatusSchema, "The connection") },
      }),
      async (c) => c.json(toStripeStatusDto(await getStripeStatus(ctxOf(c))), 200),
    )
    .openapi(
      apiRoute({
        method: "post",
        path: "/integrations/stripe/connect",
        tags,
        summary: "Start connecting Stripe (returns Stripe's Connect authorize URL)",
        scope: "integrations:write",
        responses: { 200: json(z.object({ authorize_url: z.string() }), "Send the browser here") },
      }),
      async (c) => {
        const { authorizeUrl } = await startStripeConnect(ctxOf(c), { redirectUri });
        return c.json({ authorize_url: authorizeUrl }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: "get",
        path: "/integrations/stripe/callback",
        tags,
        summary: "Stripe's redirect after Connect (browser); lands on Settings → Integrations",
        scope: "integrations:write",
        request: { query: CallbackQuery },
        responses: { 302: { description: "Back to /settings/integrations with ?stripe=connected or ?stripe=error" } },
      }),
      async (c) => {
        const { code, state, error } = c.req.valid("query");
        if (error || !code || !state) {
          const reason = error === "access_denied" ? "denied" : "error";
          return c.redirect(`${publicUrl}/settings/integrations?stripe=${reason}`, 302);
        }
        await completeStripeConnect(ctxOf(c), { code, state });
        return c.redirect(`${publicUrl}/settings/integrations?stripe=connected`, 302);
      },
    )
    .openapi(
      apiRoute({
        method: "delete",
        path: "/integrations/stripe",
        tags,
        summary: "Disconnect Stripe (deauthorizes Settle on the account; links and the payment log stay)",
        scope: "integrations:write",
        responses: { 204: { description: "Disconnected" } },
      }),
      async (c) => {
        await disconnectStripe(ctxOf(c));
        return c.body(null, 204);
      },
    );
}
