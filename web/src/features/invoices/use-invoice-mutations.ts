import { useMutation } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { CreateInvoiceBody, Invoice, InvoicePatch, PaymentBody } from "../../lib/types.ts";
import { useRefreshInvoices } from "./queries.ts";

export function useCreateInvoice(oppId: string) {
  const refresh = useRefreshInvoices(oppId);
  return useMutation<Invoice, ApiError, CreateInvoiceBody>({
    mutationFn: (body) => api(`/opportunities/${oppId}/invoices`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

/** Send = approve: DRAFT/SUBMITTED → AUTHORISED, and the product lines move up the ladder. */
export function useSendInvoice(invoice: Invoice) {
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  return useMutation<Invoice, ApiError>({
    mutationFn: () => api(`/invoices/${invoice.id}/approve`, { method: "POST" }),
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
