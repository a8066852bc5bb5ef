/** The sandbox console: one self-contained page that talks to ./console/api. */
export const CONSOLE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Xero sandbox console</title>
<style>
:root{--bg:#f4f5f7;--card:#fff;--ink:#1f2330;--muted:#6b7080;--line:#e6e8ee;--accent:#4f46e5}
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--ink);font-size:14px}
header{background:var(--card);border-bottom:1px solid var(--line);padding:14px 24px;display:flex;gap:16px;align-items:center}
header h1{font-size:17px;margin:0}header .clock{margin-left:auto;color:var(--muted)}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px;padding:20px 24px}
.card{background:var(--card);border-radius:12px;box-shadow:0 1px 2px rgba(16,24,40,.06);padding:16px 18px;overflow:auto;max-height:460px}
.card h2{font-size:14px;margin:0 0 10px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
table{border-collapse:collapse;width:100%}td,th{padding:6px 6px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
th{color:var(--muted);font-weight:500}button,select,input{font:inherit;border-radius:8px;border:1px solid var(--line);padding:5px 9px;background:#fff}
button{cursor:pointer}button.primary{background:var(--accent);color:#fff;border-color:var(--accent)}
.pill{border-radius:99px;padding:2px 8px;background:#eef0ff;color:var(--accent);font-size:12px}code{background:#f0f1f5;padding:2px 5px;border-radius:5px}
.row{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:6px 0}.err{color:#b42318}
</style></head><body>
<header><h1>Xero sandbox</h1><select id="org"></select><span class="clock" id="clock"></span></header>
<main>
<section class="card"><h2>Demo app</h2><div id="app"></div></section>
<section class="card"><h2>Connections</h2>
<div class="row"><button id="expire">Expire access tokens now</button><span id="expired" style="color:#6b7080"></span></div>
<table id="connections"></table></section>
<section class="card"><h2>Clock &amp; faults</h2>
<div class="row">Advance clock <input id="days" type="number" value="1" min="0" max="366" style="width:70px"> days <button class="primary" id="advance">Advance</button></div>
<div class="row">Next <input id="fcount" type="number" value="1" min="1" max="100" style="width:60px"> calls <select id="fkind"><option>429</option><option>500</option><option>503</option><option>slow</option><option>drop</option></select><button id="fault">Inject</button><button id="clear">Clear</button></div>
<div id="faults"></div><h2 style="margin-top:14px">Webhook</h2><div id="webhook"></div>
<div class="row"><button id="whdup">Send next delivery twice</button><button id="whorder">Send next delivery out of order</button><button id="whreplay">Replay</button></div></section>
<section class="card"><h2>Create invoice</h2>
<div class="row"><select id="ncontact"></select><input id="ndesc" placeholder="Description" value="Consulting" maxlength="4000"><input id="namount" type="number" value="100" style="width:90px"></div>
<div class="row"><select id="nstatus"><option>DRAFT</option><option selected>AUTHORISED</option></select><button class="primary" id="create">Create</button><span id="nerr" class="err"></span></div></section>
<section class="card" style="grid-column:1/-1"><h2>Invoices</h2><table id="invoices"></table></section>
<section class="card"><h2>Contacts</h2><table id="contacts"></table></section>
<section class="card"><h2>Payments</h2><table id="payments"></table></section>
<section class="card"><h2>Repeating invoices</h2><table id="repeating"></table></section>
<section class="card"><h2>Emails Xero would have sent</h2><table id="emails"></table></section>
<section class="card" style="grid-column:1/-1"><h2>Request log</h2><table id="log"></table></section>
</main>
<script src="console/app.js"></script></body></html>`;

/** The console's script, served as its own file so a strict Content-Security-Policy (no inline script) allows it. */
export const CONSOLE_JS = `const api = (p, o) => fetch("console/api" + p, o ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(o) } : undefined).then(r => {
  if (r.status === 401) { location.reload(); throw new Error("The console token is no longer accepted."); }
  return r.json();
});
const report = r => { if (r && r.errors) alert(r.errors.join("\\n")); return r; };
const $ = id => document.getElementById(id);
const esc = v => String(v ?? "").replace(/[&<>"]/g, c => "&#" + c.charCodeAt(0) + ";");
const day = v => { const m = /\\((-?\\d+)/.exec(v || ""); return m ? new Date(+m[1]).toISOString().slice(0, 10) : ""; };
const table = (el, head, rows) => { $(el).innerHTML = "<tr>" + head.map(h => "<th>" + h + "</th>").join("") + "</tr>" + rows.join(""); };
let org = "";
async function refresh() {
  const s = await api("/state");
  $("clock").textContent = "Sandbox clock: " + s.now.replace("T", " ").slice(0, 19) + " UTC";
  $("app").innerHTML = "client_id <code>" + esc(s.app.client_id) + "</code><br>client_secret <code>" + esc(s.app.client_secret) + "</code><br>" + Object.entries(s.urls).map(([k, v]) => k + " <code>" + esc(v) + "</code>").join("<br>");
  if (!org) { org = s.organisations[0]?.id || ""; $("org").innerHTML = s.organisations.map(o => "<option value='" + o.id + "'>" + esc(o.name) + "</option>").join(""); }
  $("faults").innerHTML = s.faults.map(f => "<span class='pill'>" + f.kind + " × " + f.remaining + "</span>").join(" ") || "<span style='color:#6b7080'>No faults pending</span>";
  $("webhook").innerHTML = "Status <span class='pill'>" + s.webhook.status + "</span> · " + s.webhook.pending + " queued" + (s.webhook.status === "disabled" ? " (disabled after repeated failures: Replay re-enables it)" : "") + "<br>" + s.webhook.deliveries.slice(0, 5).map(d => esc(d.kind + " → " + d.status)).join("<br>");
  const cn = await api("/connections");
  table("connections", ["Organisation", "By", "Consented", ""], cn.connections.map(c => "<tr><td>" + esc(c.tenantName) + "</td><td>" + (c.customConnection ? "custom connection" : "user") + "</td><td>" + esc(c.updatedDateUtc.replace("T", " ").slice(0, 16)) + "</td><td><button data-revoke='" + esc(c.tenantId) + "'>Revoke</button></td></tr>"));
  const o = await api("/orgs/" + org);
  $("ncontact").innerHTML = o.contacts.map(c => "<option value='" + c.ContactID + "'>" + esc(c.Name) + "</option>").join("");
  table("invoices", ["Number", "Contact", "Date", "Due", "Status", "Total", "Due amount", "Repeating", ""], o.invoices.map(i =>
    "<tr><td>" + esc(i.InvoiceNumber) + "</td><td>" + esc(i.Contact.Name) + "</td><td>" + day(i.Date) + "</td><td>" + day(i.DueDate) + "</td><td><span class='pill'>" + i.Status + "</span></td><td>" + i.Total.toFixed(2) + "</td><td>" + i.AmountDue.toFixed(2) + "</td><td>" + (i.RepeatingInvoiceID ? "yes" : "") + "</td><td>" +
    (i.Status === "AUTHORISED" ? "<button data-pay='" + i.InvoiceID + "'>Record payment</button> " : "") +
    (i.Status === "AUTHORISED" && i.AmountPaid === 0 ? "<button data-void='" + i.InvoiceID + "'>Void</button> " : "") +
    (i.Status === "DRAFT" ? "<button data-approve='" + i.InvoiceID + "'>Approve</button> " : "") +
    (["DRAFT", "SUBMITTED", "AUTHORISED"].includes(i.Status) && i.AmountPaid === 0 ? "<button data-ref='" + i.InvoiceID + "'>Edit reference</button>" : "") + "</td></tr>"));
  table("contacts", ["Name", "Email", "Number", "Status"], o.contacts.map(c => "<tr><td>" + esc(c.Name) + "</td><td>" + esc(c.EmailAddress) + "</td><td>" + esc(c.ContactNumber) + "</td><td>" + c.ContactStatus + "</td></tr>"));
  table("payments", ["Invoice", "Date", "Amount", "Status", ""], o.payments.map(p => "<tr><td>" + esc(p.Invoice?.InvoiceNumber) + "</td><td>" + day(p.Date) + "</td><td>" + p.Amount.toFixed(2) + "</td><td>" + p.Status + "</td><td>" + (p.Status === "AUTHORISED" ? "<button data-unpay='" + p.PaymentID + "'>Delete</button>" : "") + "</td></tr>"));
  table("repeating", ["Contact", "Every", "Next", "Status", "Total"], o.repeatingInvoices.map(r => "<tr><td>" + esc(r.Contact.Name) + "</td><td>" + r.Schedule.Period + " " + r.Schedule.Unit + "</td><td>" + day(r.Schedule.NextScheduledDate) + "</td><td>" + r.Status + "</td><td>" + r.Total.toFixed(2) + "</td></tr>"));
  table("emails", ["To", "Invoice", "Trigger", "At"], o.emails.map(e => "<tr><td>" + esc(e.to) + "</td><td>" + esc(e.invoiceId.slice(0, 8)) + "</td><td>" + e.trigger + "</td><td>" + new Date(e.sentMs).toISOString().slice(0, 16) + "</td></tr>"));
  const log = await api("/log");
  table("log", ["At", "Method", "Path", "Status", "ms"], log.slice(0, 60).map(l => "<tr><td>" + new Date(l.atMs).toISOString().slice(11, 19) + "</td><td>" + l.method + "</td><td>" + esc(l.path) + "</td><td>" + l.status + "</td><td>" + l.durationMs + "</td></tr>"));
}
document.addEventListener("click", async e => {
  const d = e.target.dataset || {};
  if (d.pay) { const amount = prompt("Amount (blank = full amount due)"); if (amount !== null) report(await api("/orgs/" + org + "/payments", { InvoiceID: d.pay, Amount: amount ? Number(amount) : undefined })); }
  if (d.void) report(await api("/orgs/" + org + "/invoices/" + d.void, { Status: "VOIDED" }));
  if (d.approve) report(await api("/orgs/" + org + "/invoices/" + d.approve, { Status: "AUTHORISED" }));
  if (d.ref) { const ref = prompt("New reference"); if (ref !== null) report(await api("/orgs/" + org + "/invoices/" + d.ref, { Reference: ref })); }
  if (d.revoke && confirm("Disconnect the app from this organisation? Its tokens will be refused for it.")) report(await api("/orgs/" + d.revoke + "/revoke-connection", {}));
  if (d.unpay) report(await api("/orgs/" + org + "/payments/" + d.unpay + "/delete", {}));
  if (Object.keys(d).length) refresh();
});
$("org").onchange = e => { org = e.target.value; refresh(); };
$("advance").onclick = async () => { report(await api("/clock/advance", { days: Number($("days").value) })); refresh(); };
$("fault").onclick = async () => { report(await api("/faults", { kind: $("fkind").value, count: Number($("fcount").value) })); refresh(); };
$("expire").onclick = async () => { const r = report(await api("/tokens/expire", {})); if (r.expiredAt) $("expired").textContent = "Tokens issued before " + r.expiredAt.slice(11, 19) + " UTC now answer TokenExpired"; };
$("whdup").onclick = async () => { report(await api("/webhooks/misbehave", { duplicate: 1 })); refresh(); };
$("whorder").onclick = async () => { report(await api("/webhooks/misbehave", { out_of_order: 1 })); refresh(); };
$("whreplay").onclick = async () => { report(await api("/webhooks/replay", {})); refresh(); };
$("clear").onclick = async () => { await fetch("console/api/faults", { method: "DELETE" }); refresh(); };
$("create").onclick = async () => {
  const today = new Date().toISOString().slice(0, 10);
  const r = await api("/orgs/" + org + "/invoices", { Type: "ACCREC", Status: $("nstatus").value, Contact: { ContactID: $("ncontact").value }, Date: today, DueDate: today, LineItems: [{ Description: $("ndesc").value, Quantity: 1, UnitAmount: Number($("namount").value), AccountCode: "200" }] });
  $("nerr").textContent = r.errors ? r.errors.join(" ") : ""; refresh();
};
refresh(); setInterval(refresh, 5000);
`;
