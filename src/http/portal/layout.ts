import { type Html, html } from "./html.ts";

export type PageBrand = { name: string; accentColor: string; hasLogo: boolean };

const DEFAULT_BRAND: PageBrand = { name: "", accentColor: "#2f6fed", hasLogo: false };

// Inline and small: the portal is a few server-rendered pages that must work on a phone without scripts.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;background:#f5f6f8}
header.brand{background:#fff;border-top:4px solid var(--accent);border-bottom:1px solid #e3e6eb;padding:16px}
header.brand .inner,main{max-width:760px;margin:0 auto}
header.brand .inner{display:flex;align-items:center;gap:12px}
header.brand img{max-height:40px;max-width:160px}
header.brand strong{font-size:1.15rem}
main{padding:16px}
h1{font-size:1.35rem;margin:8px 0 4px}
.muted{color:#5b6577}
.notice{background:#fff;border:1px solid #e3e6eb;border-radius:10px;padding:20px;margin-top:24px}
ul.invoices{list-style:none;padding:0;margin:16px 0;display:grid;gap:12px}
ul.invoices li{background:#fff;border:1px solid #e3e6eb;border-radius:10px;padding:14px 16px}
.row{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:8px}
.number{font-weight:600}
.status{display:inline-block;border-radius:999px;padding:2px 10px;font-size:.85rem;background:#eef1f6}
.status-paid{background:#e3f5e8;color:#17663a}
.status-awaiting_payment{background:#fff4dc;color:#8a5a00}
.status-void{background:#eceef1;color:#5b6577}
dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:4px 16px;margin:10px 0}
dt{font-size:.8rem;color:#5b6577}dd{margin:0;font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
a.button,button.link{display:inline-block;padding:8px 14px;border-radius:8px;border:1px solid #c9cfd9;color:#1d2433;text-decoration:none;background:#fff;font:inherit;cursor:pointer}
a.button.pay{background:var(--accent);border-color:var(--accent);color:#fff;font-weight:600}
footer{max-width:760px;margin:0 auto;padding:16px;font-size:.85rem;color:#5b6577}
`;

/** One portal page: the workspace's branding on top, the content, and nothing that needs JavaScript. */
export function portalPage(title: string, content: Html, brand: PageBrand = DEFAULT_BRAND, footer?: Html): string {
  const heading = brand.name || brand.hasLogo ? brand : null;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>${{ html: STYLE }}</style>
</head>
<body style="--accent:${brand.accentColor}">
${
  heading
    ? html`<header class="brand"><div class="inner">${
        brand.hasLogo ? html`<img src="/portal/logo" alt="${brand.name}">` : null
      }<strong data-testid="portal-brand">${brand.name}</strong></div></header>`
    : null
}
<main>
${content}
</main>
${footer ?? null}
</body>
</html>`.html;
}
