import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { formatDate } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import { useCan } from "../../lib/session.tsx";
import type { Opportunity, PayerCompany, XeroRaisedInvoice } from "../../lib/types.ts";
import { STATUS_LABEL, STATUS_TONE } from "../invoices/labels.ts";
import { usePayerCandidates } from "./queries.ts";

const raisedKey = (oppId: string) => ["opportunity", oppId, "xero-raised"] as const;
const payersKey = (oppId: string) => ["opportunity", oppId, "payers"] as const;

/**
 * Invoices raised in Xero (not by Settle) for the client and the payer companies, labelled by company and by
 * origin; they never move a line's status (those of a Settle repeating invoice move its recurring lines).
 * Polled like open invoices, so a payment in Xero shows without a reload. Also the payer companies editor.
 */
export function XeroRaisedInvoices({ opportunity }: { opportunity: Opportunity }) {
  const client = useQueryClient();
  const canWrite = useCan("invoices:write");
  const canReadCompanies = useCan("companies:read");
  const raised = useQuery({
    queryKey: raisedKey(opportunity.id),
    queryFn: async () =>
      (await api<{ data: XeroRaisedInvoice[] }>(`/opportunities/${opportunity.id}/xero-raised-invoices`)).data,
    refetchInterval: (q) => (q.state.data?.some((i) => i.status === "AUTHORISED") ? 5000 : false),
  });
  const payers = useQuery({
    queryKey: payersKey(opportunity.id),
    queryFn: async () => (await api<{ data: PayerCompany[] }>(`/opportunities/${opportunity.id}/payer-companies`)).data,
  });
  const companies = usePayerCandidates(canWrite && canReadCompanies);
  const [adding, setAdding] = useState("");
  const change = useMutation<{ data: PayerCompany[] }, ApiError, { companyId: string; add: boolean }>({
    mutationFn: ({ companyId, add }) =>
      api(`/opportunities/${opportunity.id}/payer-companies/${companyId}`, { method: add ? "PUT" : "DELETE" }),
    onSuccess: (list) => {
      client.setQueryData(payersKey(opportunity.id), list.data);
      setAdding("");
      void client.invalidateQueries({ queryKey: raisedKey(opportunity.id) });
    },
  });
  const payerIds = new Set((payers.data ?? []).map((p) => p.id));
  const candidates = (companies.data ?? []).filter((c) => c.id !== opportunity.company_id && !payerIds.has(c.id));
  const items = raised.data ?? [];
  return (
    <div className="xero-raised" data-testid="xero-raised-invoices">
      <ErrorBanner error={raised.error ?? payers.error ?? change.error} />
      {items.length > 0 ? (
        <div className="invoice-list">
          {items.map((invoice) => (
            <article
              key={invoice.xero_invoice_id}
              className="invoice-card invoice-readonly"
              data-testid="xero-raised-invoice"
              data-status={invoice.status}
              data-xero-invoice-id={invoice.xero_invoice_id}
            >
              <div className="invoice-title">
                <strong>{invoice.number}</strong>
                <span className="provider-tag">
                  {invoice.origin === "repeating" ? "Repeating invoice in Xero" : "Raised in Xero"}
                </span>
                <span className="muted" data-testid="xero-raised-company">
                  {invoice.payer ? `Payer: ${invoice.company_name}` : invoice.company_name}
                </span>
                <Pill
                  tone={STATUS_TONE[invoice.status as keyof typeof STATUS_TONE] ?? "grey"}
                  testId="xero-raised-status"
                >
                  {STATUS_LABEL[invoice.status as keyof typeof STATUS_LABEL] ?? invoice.status}
                </Pill>
              </div>
              <p className="muted small">
                Total {formatMoney(invoice.total_amount, invoice.currency)} · Due{" "}
                {formatMoney(invoice.amount_due_amount, invoice.currency)} · Due date {formatDate(invoice.due_date)}
              </p>
            </article>
          ))}
        </div>
      ) : null}
      <div className="inline small" data-testid="payer-companies">
        <span className="muted">Payer companies:</span>
        {(payers.data ?? []).length === 0 ? <span className="muted">none</span> : null}
        {(payers.data ?? []).map((p) => (
          <span key={p.id} className="inline">
            <Pill>{p.name}</Pill>
            {canWrite ? (
              <Button size="sm" onClick={() => change.mutate({ companyId: p.id, add: false })}>
                Remove
              </Button>
            ) : null}
          </span>
        ))}
        {canWrite && candidates.length > 0 ? (
          <>
            <select
              aria-label="Add a payer company"
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              data-testid="payer-company-select"
            >
              <option value="">Add a payer company…</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <Button
              size="sm"
              disabled={!adding}
              busy={change.isPending}
              onClick={() => change.mutate({ companyId: adding, add: true })}
            >
              Add
            </Button>
          </>
        ) : null}
      </div>
    </div>
  );
}
