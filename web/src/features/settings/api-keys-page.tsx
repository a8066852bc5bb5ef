import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import type { ApiKey } from "../../lib/types.ts";
import { usePageList } from "../../lib/use-page-list.ts";
import { ApiKeyRow } from "./api-key-row.tsx";
import { CreateApiKeyDialog } from "./create-api-key-dialog.tsx";
import { API_KEYS_KEY } from "./queries.ts";

export function ApiKeysPage() {
  const keys = usePageList<ApiKey>(API_KEYS_KEY, "/api-keys");
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>API keys</h1>
          <p className="muted">Keys act as you, limited to the scopes you give them. Send as Authorization: Bearer.</p>
        </div>
        <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-api-key">
          New API key
        </Button>
      </header>
      <ErrorBanner error={keys.error} onRetry={() => void keys.refetch()} />
      <Card>
        {keys.isPending ? (
          <Loading />
        ) : keys.items.length === 0 ? (
          <EmptyState title="No API keys">
            <p className="muted">Create one to call the Settle API from scripts and integrations.</p>
          </EmptyState>
        ) : (
          <Table
            testId="api-keys-table"
            head={
              <tr>
                <th>Name</th>
                <th>Key</th>
                <th>Scopes</th>
                <th>Last used</th>
                <th aria-label="Actions" />
              </tr>
            }
          >
            {keys.items.map((k) => (
              <ApiKeyRow key={k.id} apiKey={k} />
            ))}
          </Table>
        )}
        {keys.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => void keys.fetchNextPage()} busy={keys.isFetchingNextPage}>
              Load more
            </Button>
          </div>
        ) : null}
      </Card>
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
