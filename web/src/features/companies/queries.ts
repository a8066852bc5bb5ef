import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { Company, CompanyOverview, Contact, Page } from "../../lib/types.ts";
import { OPPORTUNITIES_KEY } from "../opportunities/queries.ts";
import { companyKey } from "../xero-invoices/queries.ts";

export const COMPANIES_KEY = ["companies"] as const;
export const CONTACTS_KEY = ["contacts"] as const;
export const companyContactsKey = (companyId: string) => ["contacts", { company_id: companyId }] as const;

/**
 * The company page's opportunities, invoices and payer relations in one request. Keyed under opportunities, so
 * creating or moving one refreshes it; each part is absent when the caller may not read it.
 */
export const companyOverviewKey = (id: string) => [...OPPORTUNITIES_KEY, "company-overview", id] as const;

export function useCompanyOverview(id: string) {
  return useQuery({
    queryKey: companyOverviewKey(id),
    queryFn: () => api<CompanyOverview>(`/companies/${id}/overview`),
  });
}

export type CompanyInput = { name: string; email: string | null; phone: string | null; website: string | null };
export type ContactInput = {
  name?: string;
  email?: string | null;
  phone?: string | null;
  company_id?: string | null;
  is_primary?: boolean;
};

export function useSaveCompany(existing: Company | null) {
  const client = useQueryClient();
  return useMutation<Company, ApiError, CompanyInput>({
    mutationFn: (body) =>
      existing
        ? api(`/companies/${existing.id}`, { method: "PATCH", body })
        : api("/companies", { method: "POST", body }),
    onSuccess: (company) => {
      client.setQueryData(companyKey(company.id), company);
      void client.invalidateQueries({ queryKey: COMPANIES_KEY });
    },
  });
}

/** Archiving hides the company from lists and keeps its history; restoring brings it back. */
export function useArchiveCompany(id: string) {
  const client = useQueryClient();
  return useMutation<Company, ApiError, boolean>({
    mutationFn: (archived) => api(`/companies/${id}`, { method: "PATCH", body: { archived } }),
    onSuccess: (company) => {
      client.setQueryData(companyKey(company.id), company);
      void client.invalidateQueries({ queryKey: COMPANIES_KEY });
    },
  });
}

export function useDeleteCompany(id: string) {
  const client = useQueryClient();
  return useMutation<void, ApiError>({
    mutationFn: () => api(`/companies/${id}`, { method: "DELETE" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: COMPANIES_KEY }),
  });
}

export function useCompanyContacts(companyId: string, enabled: boolean) {
  return useQuery({
    queryKey: companyContactsKey(companyId),
    queryFn: async () => (await api<Page<Contact>>("/contacts", { query: { company_id: companyId, limit: 100 } })).data,
    enabled,
  });
}

export function useSaveContact(existing: Contact | null) {
  const client = useQueryClient();
  return useMutation<Contact, ApiError, ContactInput>({
    mutationFn: (body) =>
      existing
        ? api(`/contacts/${existing.id}`, { method: "PATCH", body })
        : api("/contacts", { method: "POST", body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: CONTACTS_KEY }),
  });
}

/** The company's one primary contact: marking one moves the mark from the previous one. */
export function useMakePrimary() {
  const client = useQueryClient();
  return useMutation<Contact, ApiError, Contact>({
    mutationFn: (contact) => api(`/contacts/${contact.id}`, { method: "PATCH", body: { is_primary: true } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: CONTACTS_KEY }),
  });
}

export function useRemoveContact() {
  const client = useQueryClient();
  return useMutation<void, ApiError, Contact>({
    mutationFn: (contact) => api(`/contacts/${contact.id}`, { method: "DELETE" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: CONTACTS_KEY }),
  });
}

/** Blank inputs are sent as null so a cleared field clears on the server. */
export function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}
