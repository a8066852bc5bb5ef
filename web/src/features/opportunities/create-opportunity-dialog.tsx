import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { useCan } from "../../lib/session.tsx";
import type { Company, Opportunity, Page } from "../../lib/types.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { useStages } from "../pipeline/queries.ts";
import { OPPORTUNITIES_KEY } from "./queries.ts";

const CURRENCIES = ["USD", "EUR", "GBP", "AUD", "NZD", "CAD", "JPY", "KWD"];
const FIELDS = ["name", "company_id", "currency", "stage_id"];

/** The companies matching what was typed (the first 50), so a workspace with thousands can still pick one. */
function useCompanyChoices(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["companies", "choices", q],
    queryFn: async () => (await api<Page<Company>>("/companies", { query: { q, sort: "name", limit: 50 } })).data,
    enabled,
    placeholderData: (previous) => previous,
  });
}

type Props = { open: boolean; onClose: () => void; company?: Company };

/** A new deal; opened from a company's page, that company is already chosen. */
export function CreateOpportunityDialog({ open, onClose, company }: Props) {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const canReadCompanies = useCan("companies:read");
  const [find, setFind] = useState("");
  const companies = useCompanyChoices(useDebounced(find.trim()), open && canReadCompanies && !company);
  const [name, setName] = useState("");
  const [companyId, setCompanyId] = useState(company?.id ?? "");
  const [currency, setCurrency] = useState("USD");
  const stages = useStages(open);
  const [chosenStage, setStage] = useState("");
  // The first stage of the workspace's pipeline until one is chosen.
  const stageId = chosenStage || stages.data?.[0]?.id || "";
  const create = useMutation<Opportunity, ApiError>({
    mutationFn: () =>
      api("/opportunities", {
        method: "POST",
        body: { name, currency, company_id: companyId, ...(stageId ? { stage_id: stageId } : {}) },
      }),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: OPPORTUNITIES_KEY });
      close();
      navigate(`/opportunities/${created.id}`);
    },
  });
  const close = () => {
    create.reset();
    setName("");
    setCompanyId(company?.id ?? "");
    setFind("");
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Dialog open={open} title="New opportunity" onClose={close} testId="create-opportunity-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={create.error} shownFields={FIELDS} />
        <Field label="Name" error={create.error?.issueFor("name")}>
          {(id) => <input id={id} required value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        {company ? (
          <p className="muted">For {company.name}</p>
        ) : (
          <>
            <input
              type="search"
              aria-label="Find a company"
              placeholder="Find a company…"
              value={find}
              onChange={(e) => setFind(e.target.value)}
            />
            <Field label="Company" error={create.error?.issueFor("company_id")}>
              {(id) => (
                <select id={id} required value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
                  <option value="" disabled>
                    {companies.isPending ? "Loading…" : "Choose a company"}
                  </option>
                  {(companies.data ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        <Field label="Currency" error={create.error?.issueFor("currency")}>
          {(id) => (
            <select id={id} value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Stage" error={create.error?.issueFor("stage_id")}>
          {(id) => (
            <select id={id} value={stageId} onChange={(e) => setStage(e.target.value)}>
              {(stages.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
