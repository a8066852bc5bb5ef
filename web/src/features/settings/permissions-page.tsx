import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { useCan } from "../../lib/session.tsx";
import { PermissionGrid } from "./permission-grid.tsx";
import { groupScopes, useRoles, useScopeCatalogue } from "./queries.ts";
import { RoleNameDialog } from "./role-name-dialog.tsx";

export function PermissionsPage() {
  const roles = useRoles();
  const catalogue = useScopeCatalogue();
  const canWrite = useCan("members:write");
  const [creating, setCreating] = useState(false);
  const groups = groupScopes(catalogue.data?.scopes ?? []);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Permissions</h1>
          <p className="muted">Each role grants a set of scopes. Changes apply to members on their next request.</p>
        </div>
        {canWrite ? (
          <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-role">
            New role
          </Button>
        ) : null}
      </header>
      <ErrorBanner error={roles.error ?? catalogue.error} onRetry={() => void roles.refetch()} />
      <Card>
        {roles.isPending || catalogue.isPending ? (
          <Loading />
        ) : (
          <PermissionGrid roles={roles.data ?? []} groups={groups} canWrite={canWrite} />
        )}
      </Card>
      <RoleNameDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
