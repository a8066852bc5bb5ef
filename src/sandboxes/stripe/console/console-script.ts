/**
 * The console page's script, served as its own file so a strict Content-Security-Policy (no inline script)
 * allows it. Plain JS; every value from the sandbox goes through `esc` before it reaches innerHTML.
 */
export const CONSOLE_JS = `const $ = id => document.getElementById(id);
const esc = v => String(v ?? "").replace(/[&<>"']/g, c => "&#" + c.charCodeAt(0) + ";");
const say = text => { $("msg").textContent = text || ""; };
async function api(path, body) {
  const r = await fetch("console/api" + path, body === undefined ? undefined : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (r.status === 401) { location.reload(); throw new Error("The console token is no longer accepted."); }
  const data = await r.json().catch(() => ({}));
  if (!r.ok) say((data.errors && data.errors.join("\\n")) || (data.error && data.error.message) || ("HTTP " + r.status));
  else if (body !== undefined) say("");
  return data;
}
const when = s => s ? new Date(s * 1000).toISOString().replace("T", " ").slice(0, 16) : "";
const money = (a, c) => a == null ? "" : (a / 100).toFixed(2) + " " + esc(String(c || "").toUpperCase());
const pill = v => "<span class='pill'>" + esc(v) + "</span>";
const btn = (label, attrs) => "<button " + Object.entries(attrs).map(([k, v]) => "data-" + k + "='" + esc(v) + "'").join(" ") + ">" + esc(label) + "</button>";
const table = (id, head, rows) => { $(id).innerHTML = "<tr>" + head.map(h => "<th>" + esc(h) + "</th>").join("") + "</tr>" + (rows.length ? rows.join("") : "<tr><td class='muted' colspan='" + head.length + "'>None yet</td></tr>"); };
const tr = cells => "<tr>" + cells.map(c => "<td>" + c + "</td>").join("") + "</tr>";
const objects = async (type, limit) => (await api("/objects?type=" + encodeURIComponent(type) + "&limit=" + (limit || 50))).objects || [];
const tabs = [...document.querySelectorAll(".tab")].map(t => t.dataset.tab);
let current = location.hash ? decodeURIComponent(location.hash.slice(1)) : tabs[0];
function showTab(name) {
  current = tabs.includes(name) ? name : tabs[0];
  document.querySelectorAll(".tab").forEach(t => t.classList.toggle("on", t.dataset.tab === current));
  $("tabs").innerHTML = tabs.map(t => "<button data-tab-name='" + esc(t) + "' class='" + (t === current ? "on" : "") + "'>" + esc(t) + "</button>").join("");
}
const views = {
  async "Accounts"() {
    const s = await api("/state");
    $("platformInfo").innerHTML = "Account <code>" + esc(s.platform_account) + "</code> · client_id <code>" + esc(s.client_id) + "</code><br>" + Object.entries(s.urls || {}).map(([k, v]) => esc(k) + " <code>" + esc(v) + "</code>").join("<br>");
    const a = await api("/accounts");
    table("accounts", ["Account", "Name", "Status", "Connected", "Deauthorized", ""], (a.accounts || []).map(x => tr([ "<code>" + esc(x.id) + "</code>", esc(x.business_name), pill(x.status), esc(x.connected_at), esc(x.deauthorized_at), x.status === "connected" ? btn("Deauthorize", { deauth: x.id }) : "" ])));
  },
  async "Payment links"() {
    table("links", ["Link", "Account", "Active", "URL", "Metadata", ""], (await objects("payment_link")).map(({ account, object: l }) => tr([ "<code>" + esc(l.id) + "</code>", esc(account), pill(l.active ? "active" : "inactive"), "<a href='" + esc(l.url) + "' target='_blank' rel='noopener'>" + esc(l.url) + "</a>", esc(JSON.stringify(l.metadata || {})), l.active ? btn("Pay", { pay: l.id }) : "" ])));
  },
  async "Sessions"() {
    table("sessions", ["Session", "Mode", "Status", "Payment", "Amount", "Link", "Created"], (await objects("checkout.session")).map(({ object: s }) => tr([ "<code>" + esc(String(s.id).slice(0, 24)) + "…</code>", esc(s.mode), pill(s.status), pill(s.payment_status), money(s.amount_total, s.currency), esc(s.payment_link), when(s.created) ])));
  },
  async "Payments"() {
    const p = await api("/payments");
    table("intents", ["Payment intent", "Account", "Status", "Amount", "Received", "Metadata", ""], (p.payment_intents || []).map(i => tr([ "<code>" + esc(i.id) + "</code>", esc(i.account), pill(i.status), money(i.amount, i.currency), money(i.amount_received, i.currency), esc(JSON.stringify(i.metadata || {})), i.status === "succeeded" ? btn("Refund", { refundpi: i.id }) : "" ])));
    table("charges", ["Charge", "Status", "Amount", "Refunded", "Method", ""], (p.charges || []).map(c => tr([ "<code>" + esc(c.id) + "</code>", pill(c.status), money(c.amount, c.currency), money(c.amount_refunded, c.currency), esc(c.payment_method_details && c.payment_method_details.type), c.paid && !c.refunded ? btn("Refund", { refundch: c.id }) : "" ])));
    table("refunds", ["Refund", "Status", "Amount", "Charge", "Reason"], (p.refunds || []).map(r => tr([ "<code>" + esc(r.id) + "</code>", pill(r.status), money(r.amount, r.currency), esc(r.charge), esc(r.reason) ])));
  },
  async "Subscriptions"() {
    const s = await api("/state");
    $("order").value = s.first_invoice_event_order;
    table("subs", ["Subscription", "Account", "Status", "Amount", "Every", "Period", "Invoices", "Metadata", ""], ((await api("/subscriptions")).subscriptions || []).map(x => tr([ "<code>" + esc(x.id) + "</code>", esc(x.account), pill(x.status + (x.cancel_at_period_end ? " (ends at period end)" : "")), money(x.amount, x.currency), esc(x.interval_count + " " + x.interval), when(x.current_period_start) + " → " + when(x.current_period_end), esc(x.invoices), esc(JSON.stringify(x.metadata)), x.status === "active" || x.status === "past_due" ? btn("Advance a period", { advance: x.id }) : "" ])));
    table("invoices", ["Invoice", "Number", "Reason", "Status", "Due", "Paid", "Period", "Subscription"], (await objects("invoice")).map(({ object: i }) => tr([ "<code>" + esc(i.id) + "</code>", esc(i.number), esc(i.billing_reason), pill(i.status), money(i.amount_due, i.currency), money(i.amount_paid, i.currency), when(i.lines && i.lines.data[0] && i.lines.data[0].period.start) + " → " + when(i.lines && i.lines.data[0] && i.lines.data[0].period.end), esc(i.parent && i.parent.subscription_details && i.parent.subscription_details.subscription) ])));
  },
  async "Events"() {
    table("events", ["Event", "Type", "Account", "Created", "Object", ""], (await objects("event", 100)).map(({ account, object: e }) => tr([ "<code>" + esc(e.id) + "</code>", esc(e.type), esc(account), when(e.created), "<code>" + esc(e.data && e.data.object && e.data.object.id) + "</code>", btn("Resend", { resend: e.id }) + " " + btn("Duplicate", { duplicate: e.id }) + " " + btn("Bad signature", { badsig: e.id }) ])));
    const ep = await api("/endpoints");
    $("endpoints").innerHTML = "Configured endpoint: " + (ep.configured ? "<code>" + esc(ep.configured.url) + "</code>" : "none") + " · endpoints: " + (ep.endpoints || []).map(x => "<code>" + esc(x.url) + "</code>" + (x.connect ? " (Connect)" : "")).join(", ") + " · retries scheduled: " + esc(ep.retries_scheduled);
    table("deliveries", ["At", "Event", "Type", "Endpoint", "Kind", "Attempt", "Status", "Signature", "ms", "Response"], ((await api("/deliveries?limit=100")).deliveries || []).map(d => tr([ esc(new Date(d.at_ms).toISOString().slice(0, 19).replace("T", " ")), "<code>" + esc(d.event_id) + "</code>", esc(d.event_type), esc(d.endpoint), pill(d.kind), esc(d.attempt), (d.ok ? "✓ " : "✗ ") + esc(d.status ?? d.error), d.signature_valid ? "valid" : "wrong", esc(d.ms), esc(String(d.response || "").slice(0, 80)) ])));
  },
  async "Clock & faults"() {
    const s = await api("/state");
    $("faults").innerHTML = (s.faults || []).map(f => pill(f.kind + " × " + f.remaining + (f.path_contains ? " on " + f.path_contains : "") + (f.method ? " " + f.method : ""))).join(" ") || "<span class='muted'>No faults pending</span>";
  },
  async "Request log"() {
    table("log", ["At", "Method", "Path", "Status", "ms", "Account", "Idempotency key", "Replayed"], ((await api("/requests?limit=200")).requests || []).map(l => tr([ esc(new Date(l.atMs).toISOString().slice(11, 19)), esc(l.method), esc(l.path), esc(l.status), esc(l.durationMs), esc(l.account), esc(l.idempotencyKey), l.replayed ? "yes" : "" ])));
  },
};
async function refresh() {
  const s = await api("/state");
  $("clock").textContent = "Sandbox clock: " + String(s.clock.now).replace("T", " ").slice(0, 19) + " UTC" + (s.clock.offset_ms ? " (+" + (s.clock.offset_ms / 86400000).toFixed(2) + " days)" : "");
  $("platform").textContent = s.platform_account;
  await views[current]();
}
document.addEventListener("click", async e => {
  const d = e.target.dataset || {};
  if (d.tabName) { location.hash = encodeURIComponent(d.tabName); showTab(d.tabName); }
  else if (d.deauth) { if (!confirm("Disconnect the platform from " + d.deauth + "?")) return; await api("/accounts/" + encodeURIComponent(d.deauth) + "/deauthorize", {}); }
  else if (d.pay) { const [kind, number] = $("instrument").value.split(":"); const r = await api("/pay", { payment_link: d.pay, [kind]: number }); if (r.status) say("Paid: " + r.status); }
  else if (d.refundpi || d.refundch) { const amount = prompt("Amount in minor units (blank = the rest)"); if (amount === null) return; const body = d.refundpi ? { payment_intent: d.refundpi } : { charge: d.refundch }; if (amount) body.amount = Number(amount); await api("/refunds", body); }
  else if (d.advance) await api("/subscriptions/" + encodeURIComponent(d.advance) + "/advance", {});
  else if (d.resend) await api("/events/" + encodeURIComponent(d.resend) + "/resend", {});
  else if (d.duplicate) await api("/events/" + encodeURIComponent(d.duplicate) + "/duplicate", {});
  else if (d.badsig) await api("/events/" + encodeURIComponent(d.badsig) + "/bad-signature", {});
  else return;
  refresh();
});
$("order").onchange = async () => { await api("/subscriptions/event-order", { order: $("order").value }); refresh(); };
$("reorder").onclick = async () => { await api("/events/reorder", { count: Number($("rcount").value), order: $("rorder").value }); refresh(); };
$("advance").onclick = async () => { await api("/clock/advance", { days: Number($("days").value) }); refresh(); };
$("fault").onclick = async () => {
  const body = { kind: $("fkind").value, count: Number($("fcount").value) };
  if ($("fpath").value) body.path_contains = $("fpath").value;
  if ($("fmethod").value) body.method = $("fmethod").value;
  if (body.kind === "slow") body.delay_ms = Number($("fdelay").value);
  await api("/faults", body); refresh();
};
$("clear").onclick = async () => { await api("/faults/clear", {}); refresh(); };
$("resetrl").onclick = async () => { await api("/rate-limits/reset", {}); say("Rate limits reset."); };
window.addEventListener("hashchange", () => { showTab(decodeURIComponent(location.hash.slice(1))); refresh(); });
showTab(current); refresh(); setInterval(refresh, 5000);
`;
