import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import type { WorkspaceChoice } from "../../lib/types.ts";
import { useSwitchWorkspace } from "./use-switch-workspace.ts";

/** After sign-in, a person in several workspaces picks the one to open. */
export function WorkspaceChooser({ workspaces, onChosen }: { workspaces: WorkspaceChoice[]; onChosen: () => void }) {
  const choose = useSwitchWorkspace();
  return (
    <div className="auth-page">
      <div className="card auth-card" data-testid="workspace-chooser">
        <div className="brand brand-dark">Settle</div>
        <h1>Choose a workspace</h1>
        <p className="muted">You belong to several. You can switch later from the sidebar.</p>
        <ErrorBanner error={choose.error} />
        <div className="form">
          {workspaces.map((w) => (
            <Button
              key={w.id}
              className="btn-block"
              busy={choose.isPending && choose.variables === w.id}
              onClick={() => choose.mutate(w.id, { onSuccess: onChosen })}
            >
              {w.name}
            </Button>
          ))}
        </div>
      </div>
    </div>
  );
}
