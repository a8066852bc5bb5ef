import type { ConnectedAccountSummary } from "./connected-accounts.ts";

export const DEFAULT_BUSINESS_NAME = "Demo Services Ltd";

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,sans-serif;background:#f6f9fc;margin:0;display:flex;justify-content:center;padding:48px 16px;color:#1a1f36}
.card{background:#fff;border-radius:12px;box-shadow:0 2px 6px rgba(50,50,93,.12);padding:28px;max-width:460px;width:100%}
h1{font-size:20px;margin:0 0 8px}.choice{display:block;padding:10px 12px;border:1px solid #e3e8ee;border-radius:8px;margin:8px 0;cursor:pointer}
.choice input[type=text]{margin-top:6px;width:95%;padding:6px;font:inherit}
button{font:inherit;padding:10px 18px;border-radius:8px;border:0;cursor:pointer}.allow{background:#635bff;color:#fff}
.deny{background:#eef0f4;color:#1a1f36;margin-left:8px}small{color:#697386}.muted{color:#697386}`;

/** connect.stripe.com's consent screen: connect an existing account or register a new one, or deny. */
export function renderAuthorizePage(
  platformName: string,
  scope: string,
  hidden: Record<string, string>,
  accounts: ConnectedAccountSummary[],
  businessName: string,
): string {
  const fields = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  const existing = accounts
    .map(
      (account) =>
        `<label class="choice"><input type="radio" name="account" value="${escapeHtml(account.id)}"> ${escapeHtml(account.business_name ?? account.id)} <small>${escapeHtml(account.id)}${account.status === "deauthorized" ? " · disconnected" : ""}</small></label>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe sandbox – connect to ${escapeHtml(platformName)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head><body>
<form class="card" method="post">
<h1>${escapeHtml(platformName)} would like to connect to your Stripe account</h1>
<small>Sandbox – no real Stripe account is involved. Access requested: ${escapeHtml(scope)}.</small>
<p>Choose the account to connect:</p>${existing}
<label class="choice"><input type="radio" name="account" value="new" checked> Create a new account
<input type="text" name="business_name" value="${escapeHtml(businessName)}" aria-label="Business name" maxlength="100"></label>
${fields}
<p><button class="allow" name="decision" value="allow" type="submit">Connect my Stripe account</button><button class="deny" name="decision" value="deny" type="submit">Deny</button></p>
</form></body></html>`;
}

/** Shown instead of redirecting when the request cannot be trusted to name where to send the person. */
export function renderErrorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe sandbox – error</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head><body>
<div class="card"><h1>Something went wrong</h1><p>${escapeHtml(message)}</p><p class="muted">Stripe sandbox · Connect OAuth</p></div></body></html>`;
}
