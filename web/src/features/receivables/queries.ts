import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import type { Receivables } from "./types.ts";

export const RECEIVABLES_KEY = ["reports", "receivables"] as const;

export function useReceivables() {
  return useQuery({ queryKey: RECEIVABLES_KEY, queryFn: () => api<Receivables>("/reports/receivables") });
}
