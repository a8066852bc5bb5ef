import { useMutation } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { CreateInvoiceBody, Invoice, InvoicePatch, PaymentBody, XeroPaymentBody } from "../../lib/types.ts";
import { useRefreshAfterSync, useRefreshInvoices } from "./queries.ts";

export function useCreateInvoice(oppId: string) {
  const refresh = useRefreshInvoices(oppId);
  return useMutation<Invoice, ApiError, CreateInvoiceBody>({
    mutationFn: (body) => api(`/opportunities/${oppId}/invoices`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

/**
 * Approve: DRAFT/SUBMITTED → AUTHORISED (in Xero first for Xero invoices), and the product lines move up the
 * ladder. A native invoice's Send is this.
 */
export function useApproveInvoice(invoice: Invoice) {
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  return useMutation<Invoice, ApiError>({
    mutationFn: () => api(`/invoices/${invoice.id}/approve`, { method: "POST" }),
    onSuccess: refresh,
  });
}

/** Xero emails the approved invoice to its contact. */
export function useEmailInvoice(invoice: Invoice) {
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  return useMutation<Invoice, ApiError>({
    mutationFn: () => api(`/invoices/${invoice.id}/send`, { method: "POST" }),
    onSuccess: refresh,
  });
}

/** Deleting a draft is a status change; a deleted invoice keeps its number and becomes read-only. */
export function useDeleteInvoice(invoice: Invoice) {
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  return useMutation<Invoice, ApiError>({
    mutationFn: () => api(`/invoices/${invoice.id}`, { method: "PATCH", body: { status: "DELETED" } }),
    onSuccess: refresh,
  });
}

export function useVoidInvoice(invoice: Invoice) {
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  return useMutation<Invoice, ApiError>({
    mutationFn: () => api(`/invoices/${invoice.id}/void`, { method: "POST" }),
    onSuccess: refresh,
  });
}

export function usePatchInvoice(invoice: Invoice) {
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  return useMutation<Invoice, ApiError, InvoicePatch>({
    mutationFn: (body) => api(`/invoices/${invoice.id}`, { method: "PATCH", body }),
    onSuccess: refresh,
  });
}

export function useRecordPayment(invoice: Invoice) {
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  return useMutation<Invoice, ApiError, PaymentBody>({
    mutationFn: (body) => api(`/invoices/${invoice.id}/payments`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

/**
 * A payment recorded in Xero into one of its bank accounts; the amount defaults to what is due. The server
 * queues a sync straight after, which the lines catch up with.
 */
export function useRecordXeroPayment(invoice: Invoice) {
  const refresh = useRefreshAfterSync(invoice.opportunity_id);
  return useMutation<Invoice, ApiError, XeroPaymentBody>({
    mutationFn: (body) => api(`/invoices/${invoice.id}/payments`, { method: "POST", body }),
    onSuccess: refresh,
  });
}
