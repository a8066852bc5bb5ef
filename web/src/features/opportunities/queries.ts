import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import type { Line, Opportunity, Page, PaymentStatusChange, Product } from "../../lib/types.ts";

export const OPPORTUNITIES_KEY = ["opportunities"] as const;
export const opportunityKey = (id: string) => ["opportunity", id] as const;
export const linesKey = (id: string) => ["opportunity", id, "lines"] as const;
export const historyKey = (oppId: string, lineId: string) => ["opportunity", oppId, "history", lineId] as const;

function rows<T>(result: Page<T> | T[]): T[] {
  return Array.isArray(result) ? result : result.data;
}

export function useOpportunity(id: string) {
  return useQuery({ queryKey: opportunityKey(id), queryFn: () => api<Opportunity>(`/opportunities/${id}`) });
}

export const linesQuery = (id: string) =>
  queryOptions({
    queryKey: linesKey(id),
    queryFn: async () => {
      const lines = rows(await api<Page<Line> | Line[]>(`/opportunities/${id}/products`, { query: { limit: 100 } }));
      return [...lines].sort((a, b) => a.sort_order - b.sort_order);
    },
  });

/**
 * For reads inside the opportunity page, which starts its queries when it mounts (usePageQueries): a card or
 * dialog mounting once the data is there shows it rather than fetching it a second time.
 */
export const ON_PAGE = { refetchOnMount: false } as const;

export function useLines(id: string, options: { refetchOnMount?: boolean } = {}) {
  return useQuery({ ...linesQuery(id), ...options });
}

export function usePaymentHistory(oppId: string, lineId: string, enabled: boolean) {
  return useQuery({
    queryKey: historyKey(oppId, lineId),
    queryFn: async () =>
      rows(
        await api<Page<PaymentStatusChange> | PaymentStatusChange[]>(
          `/opportunities/${oppId}/products/${lineId}/payment-status-history`,
        ),
      ),
    enabled,
  });
}

export function useProducts(enabled = true) {
  return useQuery({
    queryKey: ["products"],
    queryFn: async () => rows(await api<Page<Product>>("/products", { query: { limit: 100 } })),
    enabled,
  });
}
