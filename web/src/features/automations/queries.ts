import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import type { Page } from "../../lib/types.ts";
import type { Automation, AutomationRun, BusinessEvent } from "./types.ts";

export const AUTOMATIONS_KEY = ["automations"] as const;
export const runsKey = (id: string) => ["automations", id, "runs"] as const;

export function useAutomations() {
  return useQuery({
    queryKey: AUTOMATIONS_KEY,
    queryFn: async () => (await api<Page<Automation>>("/automations", { query: { limit: 100 } })).data,
  });
}

/** The run log refreshes while runs are in flight, so a retry's outcome appears without a reload. */
export function useRuns(id: string) {
  return useQuery({
    queryKey: runsKey(id),
    queryFn: async () => (await api<Page<AutomationRun>>(`/automations/${id}/runs`, { query: { limit: 50 } })).data,
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === "running") ? 2_000 : false),
  });
}

export function useEventsOf(type: string, enabled: boolean) {
  return useQuery({
    queryKey: ["events", type],
    queryFn: async () => (await api<Page<BusinessEvent>>("/events", { query: { type, limit: 25 } })).data,
    enabled,
    retry: false,
  });
}
