import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import type { XeroTenantChoice } from "../../lib/types.ts";
import { useChooseXeroTenant } from "./queries.ts";

type Props = { choices: XeroTenantChoice[]; canWrite: boolean };

/** The consent reached several organisations: the member picks the one this workspace invoices from. */
export function TenantChooser({ choices, canWrite }: Props) {
  const toast = useToast();
  const [picked, setPicked] = useState(choices[0]?.tenant_id ?? "");
  const choose = useChooseXeroTenant();
  const [location, navigate] = useLocation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    choose.mutate(picked, {
      onSuccess: (s) => {
        toast(`Connected to ${s.tenant_name ?? "Xero"}`);
        // The "choose one" banner has been answered.
        navigate(location, { replace: true });
      },
    });
  };
  return (
    <form className="form xero-chooser" onSubmit={submit} data-testid="xero-tenant-chooser">
      <ErrorBanner error={choose.error} />
      <fieldset className="radio-group" disabled={!canWrite}>
        <legend>Choose the organisation to invoice from</legend>
        {choices.map((choice) => (
          <label key={choice.tenant_id} className="check">
            <input
              type="radio"
              name="xero-tenant"
              value={choice.tenant_id}
              checked={picked === choice.tenant_id}
              onChange={() => setPicked(choice.tenant_id)}
              data-testid="xero-tenant-option"
            />
            {choice.tenant_name}
          </label>
        ))}
      </fieldset>
      {canWrite ? (
        <div className="form-actions">
          <Button
            type="submit"
            variant="primary"
            busy={choose.isPending}
            disabled={!picked}
            data-testid="choose-tenant"
          >
            Use this organisation
          </Button>
        </div>
      ) : (
        <p className="muted small">An admin with integrations:write chooses the organisation.</p>
      )}
    </form>
  );
}
