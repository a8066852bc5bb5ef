import { z } from "@hono/zod-openapi";
import type { StripeStatus } from "../modules/payments/index.ts";

export const StripeStatusSchema = z
  .object({
    configured: z.boolean().openapi({ description: "Stripe keys (or the local sandbox) are set up on this server" }),
    connected: z.boolean(),
    status: z.enum(["active", "deauthorized"]).nullable(),
    account_id: z.string().nullable(),
    account_name: z.string().nullable(),
    livemode: z.boolean(),
    connected_at: z.string().nullable(),
    deauthorized_at: z.string().nullable(),
  })
  .openapi("StripeStatus");

export function toStripeStatusDto(s: StripeStatus): z.infer<typeof StripeStatusSchema> {
  return {
    configured: s.configured,
    connected: s.connected,
    status: s.status,
    account_id: s.accountId,
    account_name: s.accountName,
    livemode: s.livemode,
    connected_at: s.connectedAt?.toISOString() ?? null,
    deauthorized_at: s.deauthorizedAt?.toISOString() ?? null,
  };
}
