import type { CheckoutSessionObject } from "../billing/checkout-types.ts";
import type { LineItem } from "../billing/line-items.ts";
import { formatAmount } from "../billing/money.ts";
import { escapeHtml, layout } from "./html.ts";

/** What the payer typed, put back into the form after a refusal. */
export interface FormValues {
  email: string;
  method: "card" | "us_bank_account";
  cardNumber: string;
  expiry: string;
  cvc: string;
  accountNumber: string;
}

export function paymentPage(input: {
  merchant: string;
  session: CheckoutSessionObject;
  items: LineItem[];
  values: FormValues;
  error?: string;
}): string {
  const { session, items, values } = input;
  const money = (amount: number) => escapeHtml(formatAmount(amount, session.currency));
  const rows = items
    .map((item) => {
      const recurring = item.price.recurring
        ? ` <span class="note">per ${item.price.recurring.interval_count > 1 ? `${item.price.recurring.interval_count} ` : ""}${escapeHtml(item.price.recurring.interval)}${item.price.recurring.interval_count > 1 ? "s" : ""}</span>`
        : "";
      const quantity = item.quantity > 1 ? ` × ${item.quantity}` : "";
      return `<tr><td>${escapeHtml(item.description ?? "Item")}${quantity}${recurring}</td><td class="amount">${money(item.amount_total)}</td></tr>`;
    })
    .join("");
  const methods = session.payment_method_types;
  const card = methods.includes("card");
  const bank = methods.includes("us_bank_account");
  const method = values.method === "us_bank_account" && bank ? "us_bank_account" : card ? "card" : "us_bank_account";
  const checked = (value: string) => (method === value ? " checked" : "");
  const attr = (value: string) => escapeHtml(value);
  const choice =
    card && bank
      ? `<div class="choice" role="radiogroup" aria-label="Payment method">
<label><input type="radio" id="method-card" name="method" value="card"${checked("card")}> Card</label>
<label><input type="radio" id="method-bank" name="method" value="us_bank_account"${checked("us_bank_account")}> US bank account</label></div>`
      : `<input type="hidden" name="method" value="${method}">`;
  const cardFields = card
    ? `<div class="card-fields"><label for="card-number">Card number</label>
<input type="text" id="card-number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" value="${attr(values.cardNumber)}">
<div class="row"><div><label for="card-expiry">Expiration (MM / YY)</label><input type="text" id="card-expiry" name="card_expiry" autocomplete="cc-exp" placeholder="MM / YY" value="${attr(values.expiry)}"></div>
<div><label for="card-cvc">CVC</label><input type="text" id="card-cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="CVC" value="${attr(values.cvc)}"></div></div></div>`
    : "";
  const bankFields = bank
    ? `<div class="bank-fields"><label for="routing-number">Routing number</label>
<input type="text" id="routing-number" name="routing_number" inputmode="numeric" value="110000000">
<label for="account-number">Account number</label>
<input type="text" id="account-number" name="account_number" inputmode="numeric" placeholder="000123456789" value="${attr(values.accountNumber)}">
<p class="note">Test accounts: 000123456789 settles, 000111111116 fails.</p></div>`
    : "";
  const error = input.error
    ? `<div class="error" role="alert" id="payment-error">${escapeHtml(input.error)}</div>`
    : "";
  const verb = session.mode === "subscription" ? "Subscribe" : "Pay";
  return layout(
    `Pay ${input.merchant}`,
    `<h1 id="merchant">${escapeHtml(input.merchant)}</h1><h2 id="total">${money(session.amount_total)}</h2>
<table aria-label="Order summary">${rows}<tr class="total"><td>Total due</td><td class="amount">${money(session.amount_total)}</td></tr></table>
<form method="post" action="${escapeHtml(session.id)}">
<label for="email">Email</label><input type="email" id="email" name="email" autocomplete="email" required value="${attr(values.email)}">
<fieldset><legend>Payment method</legend>${choice}${cardFields}${bankFields}</fieldset>
${error}<button type="submit">${verb}</button></form>
<p class="note">Sandbox checkout — test card 4242 4242 4242 4242.</p>`,
  );
}

export function confirmationPage(merchant: string, session: CheckoutSessionObject, message: string | null): string {
  const processing = session.payment_status === "unpaid";
  const heading = processing ? "Payment processing" : "Thanks for your payment";
  const detail = processing
    ? "Your bank payment is being processed. You'll get a confirmation once it settles."
    : `A payment to ${merchant} of ${formatAmount(session.amount_total, session.currency)} was completed.`;
  return layout(
    heading,
    `<div class="done" role="status"><h1>${escapeHtml(merchant)}</h1><h2>${escapeHtml(heading)}</h2>
<p id="confirmation-message">${escapeHtml(message ?? detail)}</p>${message ? `<p class="note">${escapeHtml(detail)}</p>` : ""}</div>`,
  );
}

export function notAvailablePage(title: string, message: string): string {
  return layout(
    title,
    `<div class="done" role="status"><h2>${escapeHtml(title)}</h2><p id="inactive-message">${escapeHtml(message)}</p></div>`,
  );
}
