import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import { useCan } from "../../lib/session.tsx";
import type { Invoice, PaymentLinkBody, PaymentWithEvent, StripeStatus } from "../../lib/types.ts";
import { INVOICING_PROVIDER_KEY, invoicingProviderQuery } from "../integrations/queries.ts";
import { useRefreshInvoices } from "../invoices/queries.ts";

export const STRIPE_STATUS_KEY = ["integrations", "stripe"] as const;
export const PAYMENTS_KEY = ["payments"] as const;

/** The workspace's Stripe connection (integrations:read). */
export function useStripeStatus(enabled = true) {
  return useQuery({
    queryKey: STRIPE_STATUS_KEY,
    queryFn: () => api<StripeStatus>("/integrations/stripe"),
    enabled,
    staleTime: 30_000,
  });
}

/**
 * Whether payment links can be made, read with invoices:read from the invoicing provider, so members without
 * integrations:read know it too. Undefined while unknown.
 */
export function useStripeConnected(): boolean | undefined {
  const canRead = useCan("invoices:read");
  const provider = useQuery({ ...invoicingProviderQuery, enabled: canRead });
  return provider.data?.stripe_connected;
}

/** Asks for Stripe's Connect page and sends the browser there; it comes back to /settings/integrations?stripe=…. */
export function useConnectStripe() {
  return useMutation<void, ApiError>({
    mutationFn: async () => {
      const { authorize_url } = await api<{ authorize_url: string }>("/integrations/stripe/connect", {
        method: "POST",
      });
      window.location.assign(authorize_url);
    },
  });
}

export function useDisconnectStripe() {
  const client = useQueryClient();
  return useMutation<void, ApiError>({
    mutationFn: () => api("/integrations/stripe", { method: "DELETE" }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: STRIPE_STATUS_KEY });
      await client.invalidateQueries({ queryKey: INVOICING_PROVIDER_KEY });
    },
  });
}

/** A new link replaces the invoice's active one; the answer is the invoice with its payment_link. */
export function useCreatePaymentLink(invoice: Invoice) {
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  return useMutation<Invoice, ApiError, PaymentLinkBody>({
    mutationFn: (body) => api(`/invoices/${invoice.id}/payment-link`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

/** Pulls what Stripe knows about the invoice's links and applies it as a webhook would. */
export function useSyncPayments(invoice: Invoice) {
  const client = useQueryClient();
  const refresh = useRefreshInvoices(invoice.opportunity_id);
  return useMutation<Invoice, ApiError>({
    mutationFn: () => api(`/invoices/${invoice.id}/payment-sync`, { method: "POST" }),
    onSuccess: async () => {
      await refresh();
      void client.invalidateQueries({ queryKey: PAYMENTS_KEY });
    },
  });
}

/** One payment log row with the raw Stripe event that last reported on it. */
export function usePaymentEvent(id: string) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, id, "event"],
    queryFn: () => api<PaymentWithEvent>(`/payments/${id}/event`),
  });
}
