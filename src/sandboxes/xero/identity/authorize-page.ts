import type { OrganisationRecord } from "../state/types.ts";

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The consent screen login.xero.com shows: tick one or more organisations, allow or cancel. */
export function renderAuthorizePage(
  appName: string,
  scope: string,
  params: URLSearchParams,
  orgs: OrganisationRecord[],
): string {
  const hidden = [...params.entries()]
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  const choices = orgs
    .map(
      (org, i) =>
        `<label class="org"><input type="checkbox" name="tenant_id" value="${org.organisationId}"${i === 0 ? " checked" : ""}> ${escapeHtml(org.name)}</label>`,
    )
    .join("");
  const scopes = scope
    .split(" ")
    .filter(Boolean)
    .map((s) => `<li>${escapeHtml(s)}</li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Xero sandbox – authorise ${escapeHtml(appName)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;display:flex;justify-content:center;padding:48px 16px;color:#1f2330}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:28px;max-width:440px;width:100%}
h1{font-size:20px;margin:0 0 8px}.org{display:block;padding:10px 12px;border:1px solid #e2e4ea;border-radius:8px;margin:8px 0;cursor:pointer}
button{font:inherit;padding:10px 18px;border-radius:8px;border:0;cursor:pointer}.allow{background:#4f46e5;color:#fff}.deny{background:#eef0f4;color:#1f2330;margin-left:8px}
small{color:#6b7080}</style></head><body><form class="card" method="post">
<h1>${escapeHtml(appName)} wants to access your Xero data</h1><small>Sandbox – no real Xero account is involved.</small>
<p>Permissions requested:</p><ul>${scopes}</ul><p>Select the organisations to connect:</p>${choices}${hidden}
<p><button class="allow" name="decision" value="allow" type="submit">Allow access</button><button class="deny" name="decision" value="deny" type="submit">Cancel</button></p>
</form></body></html>`;
}
