import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { useMe } from "../../lib/session.tsx";
import type { ApiKey } from "../../lib/types.ts";
import { API_KEYS_KEY } from "./queries.ts";
import { ScopeChecklist } from "./scope-checklist.tsx";

export function EditApiKeyDialog({ open, apiKey, onClose }: { open: boolean; apiKey: ApiKey; onClose: () => void }) {
  const client = useQueryClient();
  const me = useMe();
  const [scopes, setScopes] = useState(apiKey.scopes);
  const available = [...new Set([...me.scopes, ...apiKey.scopes])];
  const save = useMutation<ApiKey, ApiError>({
    mutationFn: () => api(`/api-keys/${apiKey.id}`, { method: "PATCH", body: { scopes } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: API_KEYS_KEY });
      onClose();
    },
  });
  const close = () => {
    save.reset();
    setScopes(apiKey.scopes);
    onClose();
  };
  return (
    <Dialog
      open={open}
      title={`Scopes for ${apiKey.name}`}
      onClose={close}
      wide
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" busy={save.isPending} disabled={scopes.length === 0} onClick={() => save.mutate()}>
            Save scopes
          </Button>
        </>
      }
    >
      <ErrorBanner error={save.error} />
      <ScopeChecklist available={available} selected={scopes} onChange={setScopes} />
    </Dialog>
  );
}
