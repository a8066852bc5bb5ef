import type { MailBranding } from "./branding-of.ts";
import { escapeHtml, safeColor, safeHref } from "./html.ts";

/** The content id the logo is attached under; the HTML refers to it as cid:, never to a remote image. */
export const LOGO_CID = "logo@settle";

/** A call-to-action button: a table cell, which the common mail clients all render. */
export function button(label: string, href: string, color: string, testId: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0"><tr><td style="background:${safeColor(color)};border-radius:6px"><a href="${safeHref(href)}" data-mail-link="${escapeHtml(testId)}" style="display:inline-block;padding:12px 22px;color:#ffffff;text-decoration:none;font-weight:bold">${escapeHtml(label)}</a></td></tr></table>`;
}

/** The branded frame every message is written into. `bodyHtml` must already be escaped. */
export function layout(branding: MailBranding, title: string, bodyHtml: string): string {
  const accent = safeColor(branding.accentColor);
  const logo = branding.hasLogo
    ? `<img src="cid:${LOGO_CID}" alt="${escapeHtml(branding.name)}" style="max-height:48px;max-width:200px;display:block">`
    : `<strong style="font-size:18px;color:${accent}">${escapeHtml(branding.name)}</strong>`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Helvetica,Arial,sans-serif;color:#1f2430">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:24px 0"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;border-top:4px solid ${accent}">
<tr><td style="padding:24px 28px 8px">${logo}</td></tr>
<tr><td style="padding:8px 28px 28px;font-size:15px;line-height:1.5">${bodyHtml}</td></tr>
</table>
<p style="color:#8a8f99;font-size:12px">${escapeHtml(branding.name)}</p>
</td></tr></table>
</body></html>`;
}
