import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import { useCan } from "../../lib/session.tsx";
import type {
  Company,
  CreateXeroInvoiceBody,
  CreateXeroRepeatingBody,
  Invoice,
  Page,
  XeroContact,
  XeroContactLink,
  XeroRepeatingInvoice,
} from "../../lib/types.ts";
import { invoicingProviderQuery } from "../integrations/queries.ts";
import { useRefreshAfterSync, useRefreshInvoices } from "../invoices/queries.ts";

export const companyKey = (id: string) => ["company", id] as const;
export const repeatingKey = (oppId: string) => ["opportunity", oppId, "xero-repeating-invoices"] as const;

/**
 * Whether this workspace invoices through Xero, with the organisation and its invoice defaults. Read with
 * invoices:read (not integrations:read), so every role that sees the Invoices section knows which way it bills.
 */
export function useXeroInvoicing() {
  const canRead = useCan("invoices:read");
  const provider = useQuery({ ...invoicingProviderQuery, enabled: canRead });
  return {
    status: provider.data?.xero ?? undefined,
    connected: provider.data?.provider === "xero",
    /** Still finding out, or could not: neither New invoice nor Send Invoice is offered. */
    deciding: canRead && !provider.data,
    error: provider.error,
  };
}

/** The opportunity's company, for its Xero contact link; only with companies:read. */
export function useCompany(id: string, enabled: boolean) {
  return useQuery({ queryKey: companyKey(id), queryFn: () => api<Company>(`/companies/${id}`), enabled });
}

export function useXeroContactSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["integrations", "xero", "contacts", q],
    queryFn: async () => (await api<{ data: XeroContact[] }>("/integrations/xero/contacts", { query: { q } })).data,
    enabled,
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function useLinkXeroContact(companyId: string) {
  const client = useQueryClient();
  return useMutation<Company, ApiError, XeroContactLink>({
    mutationFn: (body) => api(`/companies/${companyId}/xero-contact`, { method: "POST", body }),
    onSuccess: (company) => {
      client.setQueryData(companyKey(companyId), company);
      void client.invalidateQueries({ queryKey: ["companies"] });
    },
  });
}

export function useCreateXeroInvoice(oppId: string) {
  const refresh = useRefreshInvoices(oppId);
  return useMutation<Invoice, ApiError, CreateXeroInvoiceBody>({
    mutationFn: (body) => api(`/opportunities/${oppId}/xero-invoices`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

/** Queues a sync of the opportunity's Xero invoices. */
export function useSyncXeroInvoices(oppId: string) {
  const refresh = useRefreshAfterSync(oppId);
  return useMutation<{ queued: boolean }, ApiError>({
    mutationFn: () => api(`/opportunities/${oppId}/xero-invoices/sync`, { method: "POST" }),
    onSuccess: refresh,
  });
}

export function useRepeatingInvoices(oppId: string, enabled: boolean) {
  return useQuery({
    queryKey: repeatingKey(oppId),
    queryFn: async () =>
      (await api<{ data: XeroRepeatingInvoice[] }>(`/opportunities/${oppId}/xero-repeating-invoices`)).data,
    enabled,
  });
}

export function useCreateRepeatingInvoice(oppId: string) {
  const client = useQueryClient();
  const refresh = useRefreshInvoices(oppId);
  return useMutation<XeroRepeatingInvoice, ApiError, CreateXeroRepeatingBody>({
    mutationFn: (body) => api(`/opportunities/${oppId}/xero-repeating-invoices`, { method: "POST", body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: repeatingKey(oppId) });
      await refresh();
    },
  });
}

export function useDeleteRepeatingInvoice(item: XeroRepeatingInvoice) {
  const client = useQueryClient();
  return useMutation<void, ApiError>({
    mutationFn: () => api(`/xero-repeating-invoices/${item.id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: repeatingKey(item.opportunity_id) }),
  });
}

/** Companies a payer may be chosen from: the first hundred by name (the payer editor's list). */
export function usePayerCandidates(enabled: boolean) {
  return useQuery({
    queryKey: ["companies", "payer-candidates"],
    queryFn: async () => (await api<Page<Company>>("/companies", { query: { sort: "name", limit: 100 } })).data,
    enabled,
  });
}
