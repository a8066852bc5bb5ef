import { useQueries } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import type { Invoice } from "../../lib/types.ts";

/** The numbers of the invoices a page of payments names; a number never changes, so each is read once. */
export function useInvoiceNumbers(ids: readonly (string | null)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ["invoice", id, "number"],
      queryFn: async () => (await api<Invoice>(`/invoices/${id}`)).number,
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    })),
  });
  const numbers = new Map<string, string>();
  unique.forEach((id, index) => {
    const number = results[index]?.data;
    if (number) numbers.set(id, number);
  });
  return numbers;
}
