/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f6f9fc;color:#1a1f36;margin:0;padding:32px 16px}
main{background:#fff;border-radius:12px;box-shadow:0 2px 8px rgba(50,50,93,.12);max-width:560px;margin:auto;padding:28px}
h1{font-size:1.1rem;color:#697386;margin:0 0 4px}h2{font-size:1.9rem;margin:0 0 20px}
table{width:100%;border-collapse:collapse;margin-bottom:20px}td{padding:6px 0;border-bottom:1px solid #e3e8ee}td.amount{text-align:right}
tr.total td{font-weight:600;border-bottom:none}
label{display:block;font-size:.9rem;margin:12px 0 4px;color:#3c4257}
input[type=text],input[type=email]{width:100%;box-sizing:border-box;padding:10px;border:1px solid #cfd7df;border-radius:6px;font-size:1rem}
fieldset{border:1px solid #e3e8ee;border-radius:8px;margin:16px 0;padding:8px 14px 14px}legend{padding:0 6px;color:#3c4257}
.choice label{display:inline-block;margin-right:18px}.row{display:flex;gap:12px}.row>div{flex:1}
form:has(#method-card:checked) .bank-fields{display:none}form:has(#method-bank:checked) .card-fields{display:none}
button{margin-top:20px;width:100%;padding:12px;border:0;border-radius:6px;background:#635bff;color:#fff;font-size:1rem;font-weight:600;cursor:pointer}
.error{background:#fff1f0;border:1px solid #f5a3a3;color:#a41c1c;border-radius:6px;padding:10px 12px;margin:12px 0}
.note{color:#697386;font-size:.85rem}.done{text-align:center}.done h2{color:#1a7f37}`;

/** A whole page with the sandbox's one stylesheet inline: no external assets. */
export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}
