import { Hono } from "hono";
import { type ApiEnv, listUrl } from "../api/env.ts";
import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { noSuch, StripeError } from "../core/errors.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import type { StripeObject } from "../state/types.ts";

export interface AccountObject extends StripeObject {
  object: "account";
  business_profile: { name: string | null; [key: string]: unknown };
  created: number;
  email: string | null;
  type: "standard";
}

/** The platform's own name in `GET /v1/account`, and the Connect application's. */
export const PLATFORM_NAME = "Sandbox Platform";

/**
 * The Account object of the platform or a connected account, made on first use. It lives on its own
 * account in the object table, so `GET /v1/account` is a lookup.
 */
export function accountObject(ctx: StripeSandboxContext, accountId: string, businessName?: string): AccountObject {
  const found = ctx.store.find<AccountObject>(accountId, accountId, "account");
  if (found) return found;
  const isPlatform = accountId === ctx.store.state.platform.accountId;
  const name = businessName ?? (isPlatform ? PLATFORM_NAME : "Demo Services Ltd");
  return ctx.store.insert(accountId, newAccount(accountId, name, nowSeconds(ctx)));
}

function newAccount(id: string, name: string, created: number): AccountObject {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "account";
  const noRequirements = {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
  return {
    id,
    object: "account",
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: "7399",
      minority_owned_business_designation: null,
      name,
      product_description: "Services",
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: `https://${slug}.example`,
    },
    business_type: "company",
    capabilities: { card_payments: "active", transfers: "active" },
    charges_enabled: true,
    controller: { is_controller: false, type: "account" },
    country: "NZ",
    created,
    default_currency: "nzd",
    details_submitted: true,
    email: `billing@${slug}.example`,
    external_accounts: { object: "list", data: [], has_more: false, url: `/v1/accounts/${id}/external_accounts` },
    future_requirements: { ...noRequirements },
    metadata: {},
    payouts_enabled: true,
    requirements: { ...noRequirements },
    settings: {
      bacs_debit_payments: { display_name: null, service_user_number: null },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: {
        decline_on: { avs_failure: false, cvc_failure: true },
        statement_descriptor_prefix: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      dashboard: { display_name: name, timezone: "Pacific/Auckland" },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: "offer" },
      payments: {
        statement_descriptor: name.toUpperCase().slice(0, 22),
        statement_descriptor_kana: null,
        statement_descriptor_kanji: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      payouts: {
        debit_negative_balances: true,
        schedule: { delay_days: 2, interval: "daily" },
        statement_descriptor: null,
      },
      sepa_debit_payments: {},
    },
    tos_acceptance: { date: created, ip: "127.0.0.1", user_agent: null },
    type: "standard",
  };
}

/**
 * `GET /v1/account` (the account the request acts on), `GET /v1/accounts/:id` and `GET /v1/accounts`
 * (the platform's connected accounts; an account that disconnected the platform is no longer reachable).
 */
export function accountRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { state } = ctx.store;

  app.get("/account", (c) => {
    c.get("params").only("expand");
    return c.json(accountObject(ctx, c.get("account")));
  });

  app.get("/accounts/:id", (c) => {
    c.get("params").only("expand");
    const acting = c.get("account");
    const id = c.req.param("id");
    if (id === acting) return c.json(accountObject(ctx, id));
    if (acting !== state.platform.accountId) {
      throw new StripeError(403, {
        type: "invalid_request_error",
        code: "account_invalid",
        message: `The provided key does not have access to account '${id}' (or that account does not exist). Application access may have been revoked.`,
      });
    }
    const record = state.connected[id];
    if (!record || record.deauthorizedAtMs !== undefined) throw noSuch("account", id, "account");
    return c.json(accountObject(ctx, id));
  });

  app.get("/accounts", (c) => {
    const params = c.get("params").only(...LIST_PARAMS);
    const acting = c.get("account");
    const items =
      acting === state.platform.accountId
        ? Object.values(state.connected)
            .reverse()
            .filter((record) => record.deauthorizedAtMs === undefined)
            .sort((a, b) => b.connectedAtMs - a.connectedAtMs)
            .map((record) => accountObject(ctx, record.accountId))
        : [];
    return c.json(pageOf(items, params, listUrl(c)));
  });

  return app;
}
