import type { Database } from "../../src/db/client.ts";
import { paymentLinks } from "../../src/db/schema/index.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { newId } from "../../src/lib/ids.ts";
import type { client } from "../support/app.ts";

/** A clock tests move forward (expiry) while everything else keeps real time. */
export function movableClock(): Clock & { advanceDays(days: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advanceDays(days: number) {
      offset += days * 24 * 60 * 60 * 1000;
    },
  };
}

type Api = ReturnType<typeof client>;

/** A native invoice of one free-form line on the opportunity, sent (AUTHORISED) unless `draft`. */
export async function raiseInvoice(
  api: Api,
  opportunityId: string,
  options: { draft?: boolean; description?: string; amount?: number } = {},
) {
  const created = await api.post(`/api/v1/opportunities/${opportunityId}/invoices`, {
    portion: "full",
    due_date: "2030-01-31",
    line_ids: [],
    free_lines: [
      { description: options.description ?? "Consulting", quantity: "1", unit_amount: options.amount ?? 120_000 },
    ],
  });
  if (created.status !== 201) throw new Error(`invoice not created: ${JSON.stringify(created.body)}`);
  if (options.draft) return created.body as { id: string; number: string };
  const approved = await api.post(`/api/v1/invoices/${created.body.id}/approve`);
  if (approved.status !== 200) throw new Error(`invoice not approved: ${JSON.stringify(approved.body)}`);
  return approved.body as { id: string; number: string };
}

/** An active Stripe payment link on the invoice, as the Stripe flow stores it. */
export async function addPaymentLink(
  database: Database,
  workspaceId: string,
  invoiceId: string,
  url = "https://pay.example.test/plink_portal",
) {
  await database.db.insert(paymentLinks).values({
    id: newId("paymentLink", new Date()),
    workspaceId,
    invoiceId,
    stripeAccountId: "acct_portal",
    stripeLinkId: `plink_${invoiceId}`,
    url,
    mode: "one_time",
    amount: 1000,
    currency: "USD",
  });
}

/** The session cookie a portal response set, as a Cookie header value. */
export function portalCookieOf(response: Response): string {
  const set = response.headers.get("set-cookie") ?? "";
  const match = /settle_portal=([^;]*)/.exec(set);
  return match?.[1] ? `settle_portal=${match[1]}` : "";
}
