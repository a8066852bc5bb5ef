import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { useMe } from "../../lib/session.tsx";
import type { CreatedApiKey } from "../../lib/types.ts";
import { API_KEYS_KEY } from "./queries.ts";
import { ScopeChecklist } from "./scope-checklist.tsx";
import { SecretReveal } from "./secret-reveal.tsx";

export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const me = useMe();
  const [name, setName] = useState("");
  const [fullAccess, setFullAccess] = useState(false);
  const [scopes, setScopes] = useState<string[]>([]);
  const create = useMutation<CreatedApiKey, ApiError>({
    mutationFn: () => api("/api-keys", { method: "POST", body: { name, scopes: fullAccess ? "full_access" : scopes } }),
    onSuccess: () => client.invalidateQueries({ queryKey: API_KEYS_KEY }),
  });
  const close = () => {
    create.reset(); // drops the secret from memory: it is never shown again
    setName("");
    setScopes([]);
    setFullAccess(false);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  if (create.data) {
    return <SecretReveal open={open} created={create.data} onClose={close} />;
  }
  return (
    <Dialog open={open} title="New API key" onClose={close} wide testId="create-api-key-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={create.error} />
        <Field label="Name" error={create.error?.issueFor("name")} hint="Where will this key be used?">
          {(id, describedBy) => (
            <input
              id={id}
              required
              maxLength={120}
              aria-describedby={describedBy}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <label className="check check-strong">
          <input
            type="checkbox"
            data-testid="full-access"
            checked={fullAccess}
            onChange={(e) => setFullAccess(e.target.checked)}
          />
          Full access — every scope you hold now
        </label>
        {create.error?.issueFor("scopes") ? <p className="field-error">{create.error.issueFor("scopes")}</p> : null}
        <ScopeChecklist
          available={me.scopes}
          selected={fullAccess ? me.scopes : scopes}
          onChange={setScopes}
          disabled={fullAccess}
        />
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={create.isPending}
            disabled={!fullAccess && scopes.length === 0}
            data-testid="create-api-key"
          >
            Create key
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
