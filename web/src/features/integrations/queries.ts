import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { InvoicingProvider, XeroOption, XeroSettingsPatch, XeroStatus } from "../../lib/types.ts";

export const XERO_STATUS_KEY = ["integrations", "xero"] as const;
/** How the workspace invoices (invoices:read); follows every change of the connection. */
export const INVOICING_PROVIDER_KEY = ["integrations", "xero", "invoicing"] as const;
export type XeroOptionKind = "accounts" | "bank-accounts" | "tax-rates" | "branding-themes";
const optionsKey = (kind: XeroOptionKind) => ["integrations", "xero", "options", kind] as const;

/** Read with invoices:read: Xero or native invoicing, and whether Stripe payment links can be made. */
export const invoicingProviderQuery = queryOptions({
  queryKey: INVOICING_PROVIDER_KEY,
  queryFn: () => api<InvoicingProvider>("/invoicing/provider"),
  staleTime: 30_000,
});

export const xeroStatusQuery = queryOptions({
  queryKey: XERO_STATUS_KEY,
  queryFn: () => api<XeroStatus>("/integrations/xero"),
  staleTime: 30_000,
});

/** The connection, its defaults and any organisations waiting to be chosen. */
export function useXeroStatus(enabled = true) {
  return useQuery({ ...xeroStatusQuery, enabled });
}

/** What the organisation offers, read live from Xero; kept a few minutes since it rarely changes. */
export function useXeroOptions(kind: XeroOptionKind, enabled: boolean) {
  return useQuery({
    queryKey: optionsKey(kind),
    queryFn: async () => (await api<{ data: XeroOption[] }>(`/integrations/xero/${kind}`)).data,
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Every change answers with the new status, which replaces the cached one; options belong to the old org. */
function useStatusMutation<Input>(run: (input: Input) => Promise<XeroStatus>) {
  const client = useQueryClient();
  return useMutation<XeroStatus, ApiError, Input>({
    mutationFn: run,
    onSuccess: (status) => {
      client.setQueryData(XERO_STATUS_KEY, status);
      client.removeQueries({ queryKey: ["integrations", "xero", "options"] });
      void client.invalidateQueries({ queryKey: INVOICING_PROVIDER_KEY });
    },
  });
}

export function useSaveXeroSettings() {
  const client = useQueryClient();
  return useMutation<XeroStatus, ApiError, XeroSettingsPatch>({
    mutationFn: (body) => api("/integrations/xero", { method: "PATCH", body }),
    onSuccess: (status) => {
      client.setQueryData(XERO_STATUS_KEY, status);
      void client.invalidateQueries({ queryKey: INVOICING_PROVIDER_KEY });
    },
  });
}

export function useChooseXeroTenant() {
  return useStatusMutation((tenantId: string) =>
    api<XeroStatus>("/integrations/xero/tenant", { method: "POST", body: { tenant_id: tenantId } }),
  );
}

export function useDisconnectXero() {
  return useStatusMutation(() => api<XeroStatus>("/integrations/xero", { method: "DELETE" }));
}

/** Asks for Xero's consent page and sends the browser there; Xero comes back to /settings/integrations?xero=…. */
export function useConnectXero() {
  return useMutation<void, ApiError>({
    mutationFn: async () => {
      const { authorize_url } = await api<{ authorize_url: string }>("/integrations/xero/connect", { method: "POST" });
      window.location.assign(authorize_url);
    },
  });
}
