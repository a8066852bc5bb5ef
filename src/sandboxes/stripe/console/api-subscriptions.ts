import { Hono } from "hono";
import type { StripeSandboxAdmin } from "../admin.ts";
import type { InvoiceObject } from "../billing/invoice-model.ts";
import { setFirstInvoiceEventOrder } from "../billing/subscription-billing.ts";
import { currentPeriod, type SubscriptionObject } from "../billing/subscription-model.ts";
import { Empty, EventOrderInput, limitBody, limitQuery, parseBody, refuse } from "./console-input.ts";

const MAX_SUBSCRIPTIONS = 200;

/**
 * Console JSON API: subscriptions.
 *
 *   GET  /subscriptions?account=&limit=    → {subscriptions: [{account, id, status, customer, metadata,
 *        amount, currency, interval, interval_count, current_period_start, current_period_end,
 *        cancel_at_period_end, latest_invoice, invoices}]} newest first (limit ≤ 200)
 *   POST /subscriptions/:id/advance  {}   → moves the sandbox clock to the end of the subscription's
 *        current period, so it renews (or ends, when set to cancel) with everything else due by then:
 *        {now, subscription, latest_invoice}
 *   POST /subscriptions/event-order {order: "invoice_first" | "session_first"} → whether a subscription
 *        checkout's first `invoice.paid` goes out before or after `checkout.session.completed`
 */
export function consoleSubscriptionApi(admin: StripeSandboxAdmin): Hono {
  const app = new Hono();
  const { ctx } = admin;
  app.use("/subscriptions/*", limitBody());

  app.get("/subscriptions", (c) => {
    const limit = limitQuery(c.req.query("limit"), 50, MAX_SUBSCRIPTIONS);
    if (typeof limit !== "number") return refuse(c, [limit]);
    const account = c.req.query("account");
    const invoices = ctx.store.everywhere<InvoiceObject>("invoice");
    const subscriptions = ctx.store
      .everywhere<SubscriptionObject>("subscription")
      .filter((stored) => !account || stored.account === account)
      .slice(0, limit)
      .map(({ account: on, body: sub }) => {
        const item = sub.items.data[0];
        const period = currentPeriod(sub);
        return {
          account: on,
          id: sub.id,
          status: sub.status,
          customer: sub.customer,
          metadata: sub.metadata,
          amount: sub.items.data.reduce((sum, i) => sum + (i.price.unit_amount ?? 0) * i.quantity, 0),
          currency: sub.currency,
          interval: item?.price.recurring.interval ?? null,
          interval_count: item?.price.recurring.interval_count ?? null,
          current_period_start: period.start,
          current_period_end: period.end,
          cancel_at_period_end: sub.cancel_at_period_end,
          latest_invoice: sub.latest_invoice,
          invoices: invoices.filter((i) => i.body.parent.subscription_details.subscription === sub.id).length,
        };
      });
    return c.json({ subscriptions });
  });

  app.post("/subscriptions/event-order", async (c) => {
    const input = await parseBody(c, EventOrderInput);
    if (input instanceof Response) return input;
    setFirstInvoiceEventOrder(ctx, input.order);
    return c.json({ order: input.order });
  });

  app.post("/subscriptions/:id/advance", async (c) => {
    const input = await parseBody(c, Empty);
    if (input instanceof Response) return input;
    const id = c.req.param("id");
    const stored = ctx.store.locate(id);
    if (stored?.body.object !== "subscription") {
      return refuse(c, [{ field: "id", message: `is not a subscription (${id.slice(0, 80)})` }], 404);
    }
    const sub = stored.body as SubscriptionObject;
    if (sub.status !== "active" && sub.status !== "past_due") {
      return refuse(
        c,
        [{ field: "subscription", message: `is ${sub.status}; only a live one has a next period` }],
        409,
      );
    }
    const endMs = currentPeriod(sub).end * 1000;
    const now = admin.advanceClock(Math.max(0, endMs - ctx.clock.nowMs()));
    const latest = sub.latest_invoice ? ctx.store.find(stored.account, sub.latest_invoice) : undefined;
    return c.json({ now: new Date(now).toISOString(), subscription: sub, latest_invoice: latest ?? null });
  });

  return app;
}
