import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { Page } from "../../lib/types.ts";
import type { CreatedPortalLink, CreatePortalLinkBody, PortalContact, PortalLink } from "./types.ts";

const linksKey = (contactId: string) => ["contacts", contactId, "portal-links"] as const;

export function usePortalContact(contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["contacts", contactId],
    queryFn: () => api<PortalContact>(`/contacts/${contactId}`),
    enabled,
    staleTime: 60_000,
  });
}

/** The contact's links, newest first (one page is plenty: links are made by hand or per invoice email). */
export function usePortalLinks(contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: linksKey(contactId),
    queryFn: () => api<Page<PortalLink>>(`/contacts/${contactId}/portal-links`, { query: { limit: 100 } }),
    enabled,
  });
}

export function useCreatePortalLink(contactId: string) {
  const client = useQueryClient();
  return useMutation<CreatedPortalLink, ApiError, CreatePortalLinkBody>({
    mutationFn: (body) => api(`/contacts/${contactId}/portal-links`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: linksKey(contactId) }),
  });
}

export function useRevokePortalLink(contactId: string) {
  const client = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => api(`/portal-links/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: linksKey(contactId) }),
  });
}
