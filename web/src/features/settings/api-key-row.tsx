import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import type { ApiKey } from "../../lib/types.ts";
import { EditApiKeyDialog } from "./edit-api-key-dialog.tsx";
import { API_KEYS_KEY } from "./queries.ts";

export function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const revoke = useMutation<void, ApiError>({
    mutationFn: () => api(`/api-keys/${apiKey.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      setRevoking(false);
      await client.invalidateQueries({ queryKey: API_KEYS_KEY });
    },
  });
  return (
    <tr data-testid="api-key-row" data-name={apiKey.name}>
      <td>{apiKey.name}</td>
      <td>
        <code>{apiKey.key_prefix}…</code>
      </td>
      <td>
        <span className="scope-summary" title={apiKey.scopes.join(", ")} data-testid="api-key-scopes">
          {apiKey.scopes.length} scope{apiKey.scopes.length === 1 ? "" : "s"}
        </span>
      </td>
      <td>{apiKey.last_used_at ? formatDateTime(apiKey.last_used_at) : <span className="muted">Never</span>}</td>
      <td className="actions-cell">
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
          Edit scopes
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setRevoking(true)} data-testid="revoke-key">
          Revoke
        </Button>
        <EditApiKeyDialog open={editing} apiKey={apiKey} onClose={() => setEditing(false)} />
        <ConfirmDialog
          open={revoking}
          title={`Revoke ${apiKey.name}?`}
          confirmLabel="Revoke key"
          onConfirm={() => revoke.mutate()}
          onClose={() => {
            setRevoking(false);
            revoke.reset();
          }}
          busy={revoke.isPending}
          error={revoke.error}
        >
          <p>Anything using this key stops working immediately. This cannot be undone.</p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
