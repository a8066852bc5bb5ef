import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import type { Page, Role, ScopeCatalogue } from "../../lib/types.ts";

export const ROLES_KEY = ["roles"] as const;
export const MEMBERS_KEY = ["members"] as const;
export const API_KEYS_KEY = ["api-keys"] as const;

export function useRoles() {
  return useQuery({ queryKey: ROLES_KEY, queryFn: async () => (await api<Page<Role>>("/roles")).data });
}

export function useScopeCatalogue() {
  return useQuery({ queryKey: ["scopes"], queryFn: () => api<ScopeCatalogue>("/scopes"), staleTime: Infinity });
}

/** Scopes grouped by their area, in catalogue order: { opportunities: [read, write, delete], … }. */
export function groupScopes(scopes: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const scope of scopes) {
    const area = scope.split(":")[0] ?? scope;
    groups.set(area, [...(groups.get(area) ?? []), scope]);
  }
  return [...groups.entries()];
}

export const INVOICE_SETTINGS_KEY = ["settings", "invoicing"] as const;
export const DEAD_JOBS_KEY = ["jobs", "dead"] as const;
