import { Hono } from "hono";
import type { SandboxContext } from "../context.ts";

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page an OnlineInvoiceUrl points at: a plain view of the invoice. */
export function onlineInvoicePage(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.get("/:tenantId/:invoiceId", (c) => {
    const org = ctx.store.organisation(c.req.param("tenantId"));
    const invoice = org?.invoices[c.req.param("invoiceId")];
    if (!org || !invoice || invoice.status === "DRAFT") return c.text("Invoice not found", 404);
    const rows = invoice.lineItems
      .map(
        (l) =>
          `<tr><td>${escapeHtml(l.description)}</td><td>${l.quantity}</td><td>${l.unitAmount.toFixed(2)}</td><td>${l.lineAmount.toFixed(2)}</td></tr>`,
      )
      .join("");
    return c.html(`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(invoice.invoiceNumber)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f4f5f7;padding:40px}.card{background:#fff;border-radius:12px;padding:24px;max-width:640px;margin:auto}td,th{padding:6px 10px;text-align:left}</style></head>
<body><div class="card"><h1>${escapeHtml(org.name)}</h1><h2>Invoice ${escapeHtml(invoice.invoiceNumber)} · ${invoice.status}</h2>
<table><tr><th>Description</th><th>Qty</th><th>Unit</th><th>Amount</th></tr>${rows}</table>
<p>Total ${invoice.currencyCode} ${invoice.total.toFixed(2)} · Amount due ${invoice.amountDue.toFixed(2)}</p></div></body></html>`);
  });
  return app;
}
