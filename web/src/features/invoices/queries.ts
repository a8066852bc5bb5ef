import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import type { Invoice, InvoicePreview, InvoiceSummary, Page, PreviewRequest } from "../../lib/types.ts";
import { linesKey } from "../opportunities/queries.ts";

export const invoicesKey = (oppId: string) => ["opportunity", oppId, "invoices"] as const;
export const summaryKey = (oppId: string) => ["opportunity", oppId, "invoice-summary"] as const;

/** A Xero invoice Xero has not answered for yet; the reconciliation job completes or removes it. */
const isPending = (invoice: Invoice) => invoice.provider === "xero" && invoice.xero_invoice_id === null;

/** A link a payer may be paying through right now; Stripe's webhook marks the invoice paid moments after. */
const awaitsStripe = (invoice: Invoice) =>
  invoice.payment_link?.active === true && (invoice.status === "SUBMITTED" || invoice.status === "AUTHORISED");

/** A Xero invoice that may still be paid or voided in Xero: its webhook moves it here within seconds. */
const awaitsXero = (invoice: Invoice) =>
  invoice.provider === "xero" && (invoice.status === "SUBMITTED" || invoice.status === "AUTHORISED");

const statuses = (list: Invoice[]) => list.map((i) => `${i.id}:${i.status}`).join(",");

export const invoicesQuery = (oppId: string) =>
  queryOptions({
    queryKey: invoicesKey(oppId),
    queryFn: async ({ client }) => {
      const before = client.getQueryData<Invoice[]>(invoicesKey(oppId));
      const list = (await api<Page<Invoice>>(`/opportunities/${oppId}/invoices`)).data;
      // A status changed outside this page (a payment through a link, a sync): the lines' pills and the
      // summary follow it.
      if (before && statuses(before) !== statuses(list)) {
        void client.invalidateQueries({ queryKey: linesKey(oppId) });
        void client.invalidateQueries({ queryKey: summaryKey(oppId) });
        // The summary is kept by a background job, so it is read again a moment later too.
        setTimeout(() => void client.invalidateQueries({ queryKey: summaryKey(oppId) }), 1500);
      }
      return list;
    },
    // "Being created in Xero…" turns into the invoice (or disappears), and an invoice paid through its link
    // turns Paid, without a reload.
    refetchInterval: (query) =>
      query.state.data?.some(awaitsStripe) || query.state.data?.some(awaitsXero)
        ? 3000
        : query.state.data?.some(isPending)
          ? 5000
          : false,
  });

export const invoiceSummaryQuery = (oppId: string) =>
  queryOptions({
    queryKey: summaryKey(oppId),
    queryFn: () => api<InvoiceSummary>(`/opportunities/${oppId}/invoice-summary`),
  });

export function useInvoices(oppId: string, enabled: boolean, options: { refetchOnMount?: boolean } = {}) {
  return useQuery({ ...invoicesQuery(oppId), enabled, ...options });
}

export function useInvoiceSummary(oppId: string, enabled: boolean, options: { refetchOnMount?: boolean } = {}) {
  return useQuery({ ...invoiceSummaryQuery(oppId), enabled, ...options });
}

/** No write: what an invoice for this portion and these lines would hold. Without line_ids, the pre-selection. */
export function usePreview(oppId: string, request: PreviewRequest, enabled: boolean) {
  return useQuery({
    queryKey: ["opportunity", oppId, "invoice-preview", request],
    queryFn: () => api<InvoicePreview>(`/opportunities/${oppId}/invoices/preview`, { method: "POST", body: request }),
    enabled,
    placeholderData: (previous) => previous,
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * After any invoice change: the invoices, the lines (their pills move) and the summary. The summary is kept by a
 * background job, so it is fetched again a moment later too.
 */
export function useRefreshInvoices(oppId: string) {
  const client = useQueryClient();
  return async () => {
    const keys = [invoicesKey(oppId), linesKey(oppId), summaryKey(oppId)];
    await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
    for (const delay of [1000, 2500]) {
      setTimeout(() => void client.invalidateQueries({ queryKey: summaryKey(oppId) }), delay);
    }
  };
}

/**
 * After something that queues a Xero sync (Sync Invoices, a payment recorded in Xero): the worker pulls Xero's
 * invoices a moment later, so the invoices and lines are read again over the next few seconds, not just once.
 */
export function useRefreshAfterSync(oppId: string) {
  const client = useQueryClient();
  const refresh = useRefreshInvoices(oppId);
  return async () => {
    await refresh();
    for (const delay of [1000, 2500, 5000, 9000]) {
      setTimeout(() => {
        void client.invalidateQueries({ queryKey: invoicesKey(oppId) });
        void client.invalidateQueries({ queryKey: linesKey(oppId) });
      }, delay);
    }
  };
}
