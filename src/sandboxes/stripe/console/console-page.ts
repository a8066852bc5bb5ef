import { CONSOLE_JS } from "./console-script.ts";

export { CONSOLE_JS };

/** The sandbox console: one self-contained page (no external assets) that talks to ./console/api. */
export const CONSOLE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Stripe sandbox console</title>
<style>
:root{--bg:#f6f8fa;--card:#fff;--ink:#1a1f36;--muted:#697386;--line:#e3e8ee;--accent:#635bff}
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--ink);font-size:14px}
header{background:var(--card);border-bottom:1px solid var(--line);padding:14px 24px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header h1{font-size:17px;margin:0}header .clock{margin-left:auto;color:var(--muted)}
nav{display:flex;gap:4px;padding:10px 24px 0;flex-wrap:wrap}nav button{border-radius:8px 8px 0 0;border-bottom:none}nav button.on{background:var(--accent);color:#fff;border-color:var(--accent)}
main{padding:0 24px 24px}.tab{display:none}.tab.on{display:block}
.card{background:var(--card);border-radius:0 12px 12px 12px;box-shadow:0 1px 2px rgba(16,24,40,.06);padding:16px 18px;overflow:auto;margin-bottom:16px}
.card h2{font-size:13px;margin:0 0 10px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
table{border-collapse:collapse;width:100%}td,th{padding:6px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap;vertical-align:top}
th{color:var(--muted);font-weight:500}button,select,input{font:inherit;border-radius:8px;border:1px solid var(--line);padding:5px 9px;background:#fff}
button{cursor:pointer}button.primary{background:var(--accent);color:#fff;border-color:var(--accent)}
.pill{border-radius:99px;padding:2px 8px;background:#efeeff;color:var(--accent);font-size:12px}code{background:#f0f1f5;padding:2px 5px;border-radius:5px}
.row{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:6px 0}.muted{color:var(--muted)}#msg{color:#b42318;white-space:pre-wrap}
</style></head><body>
<header><h1>Stripe sandbox</h1><span id="platform" class="muted"></span><span class="clock" id="clock"></span></header>
<nav id="tabs"></nav><div id="msg" style="padding:4px 24px"></div>
<main>
<section class="tab" data-tab="Accounts"><div class="card"><h2>Platform</h2><div id="platformInfo"></div>
<h2 style="margin-top:14px">Connected accounts</h2><table id="accounts"></table></div></section>
<section class="tab" data-tab="Payment links"><div class="card"><h2>Payment links</h2>
<div class="row">Pay with <select id="instrument"><option value="card:4242424242424242">card 4242 4242 4242 4242 (succeeds)</option><option value="card:4000000000000002">card 4000 0000 0000 0002 (declined)</option><option value="bank_account:000123456789">bank account 000123456789 (settles later)</option><option value="bank_account:000222222227">bank account 000222222227 (fails later)</option></select></div>
<table id="links"></table></div></section>
<section class="tab" data-tab="Sessions"><div class="card"><h2>Checkout sessions</h2><table id="sessions"></table></div></section>
<section class="tab" data-tab="Payments"><div class="card"><h2>Payment intents</h2><table id="intents"></table>
<h2 style="margin-top:14px">Charges</h2><table id="charges"></table><h2 style="margin-top:14px">Refunds</h2><table id="refunds"></table></div></section>
<section class="tab" data-tab="Subscriptions"><div class="card"><h2>Subscriptions</h2>
<div class="row">First invoice events <select id="order"><option value="invoice_first">before checkout.session.completed</option><option value="session_first">after checkout.session.completed</option></select></div>
<table id="subs"></table><h2 style="margin-top:14px">Invoices</h2><table id="invoices"></table></div></section>
<section class="tab" data-tab="Events"><div class="card"><h2>Events</h2>
<div class="row">Send the last <input id="rcount" type="number" value="5" min="1" max="100" style="width:70px"> events again <select id="rorder"><option>reversed</option><option>shuffled</option></select><button id="reorder">Reorder</button></div>
<table id="events"></table><h2 style="margin-top:14px">Deliveries</h2><div id="endpoints" class="muted"></div><table id="deliveries"></table></div></section>
<section class="tab" data-tab="Clock &amp; faults"><div class="card"><h2>Clock</h2>
<div class="row">Advance <input id="days" type="number" value="1" min="0" max="400" step="any" style="width:80px"> days <button class="primary" id="advance">Advance</button><span class="muted">Renewals, bank debits and session expiry that fall due run at once.</span></div>
<h2 style="margin-top:14px">Faults</h2>
<div class="row">Next <input id="fcount" type="number" value="1" min="1" max="1000" style="width:70px"> calls <select id="fkind"><option>429</option><option>500</option><option>slow</option><option>drop</option></select>
path contains <input id="fpath" placeholder="/v1/payment_links" maxlength="200"> method <select id="fmethod"><option value="">any</option><option>GET</option><option>POST</option><option>DELETE</option></select>
delay ms <input id="fdelay" type="number" value="2000" min="0" max="60000" style="width:90px"><button id="fault">Inject</button><button id="clear">Clear faults</button><button id="resetrl">Reset rate limits</button></div>
<div id="faults"></div></div></section>
<section class="tab" data-tab="Request log"><div class="card"><h2>Request log</h2><table id="log"></table></div></section>
</main>
<script src="console/app.js"></script></body></html>`;
