import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { Contact, Invoice, Page } from "../../lib/types.ts";
import { useRefreshInvoices } from "../invoices/queries.ts";
import type { MailMessage, MailMessageDetail } from "./types.ts";

export const MAIL_KEY = ["mail"] as const;
export const invoiceMailKey = (invoiceId: string) => ["mail", "invoice", invoiceId] as const;

/** The invoice's emails, newest first; polled while one is still queued so the card shows the result. */
export function useInvoiceMail(invoiceId: string, enabled: boolean) {
  return useQuery({
    queryKey: invoiceMailKey(invoiceId),
    queryFn: () => api<Page<MailMessage>>("/mail", { query: { related_id: invoiceId, limit: 10 } }),
    enabled,
    refetchInterval: (query) => (query.state.data?.data.some((m) => m.state === "queued") ? 1500 : false),
  });
}

export function useMailMessage(id: string | null) {
  return useQuery({
    queryKey: ["mail", "message", id],
    queryFn: () => api<MailMessageDetail>(`/mail/${id}`),
    enabled: id !== null,
  });
}

/** The contacts of the invoice's company, for choosing who receives it. */
export function useCompanyContacts(companyId: string | undefined) {
  return useQuery({
    queryKey: ["contacts", "company", companyId],
    queryFn: () => api<Page<Contact>>("/contacts", { query: { company_id: companyId, limit: 100 } }),
    enabled: Boolean(companyId),
  });
}

/** Send invoice / Resend: Settle emails a native invoice (approving a draft) to the chosen contacts. */
export function useSendInvoiceEmail(invoice: Invoice) {
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  const client = useQueryClient();
  return useMutation<Invoice, ApiError, { contact_ids: string[] }>({
    mutationFn: (body) => api(`/invoices/${invoice.id}/send`, { method: "POST", body }),
    onSuccess: async () => {
      await Promise.all([refresh(), client.invalidateQueries({ queryKey: MAIL_KEY })]);
    },
  });
}
