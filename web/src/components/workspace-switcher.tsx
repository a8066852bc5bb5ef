import { useSwitchWorkspace } from "../features/auth/use-switch-workspace.ts";
import { useMe } from "../lib/session.tsx";
import { ErrorBanner } from "./ui/error-banner.tsx";

/** The current workspace's name; a picker when the person belongs to more than one. */
export function WorkspaceSwitcher() {
  const me = useMe();
  const switchTo = useSwitchWorkspace();
  const current = me.workspaces.find((w) => w.id === me.workspace_id);
  if (me.workspaces.length < 2) {
    return current ? <div className="workspace-name">{current.name}</div> : null;
  }
  return (
    <div className="workspace-switcher">
      <select
        aria-label="Workspace"
        data-testid="workspace-switcher"
        value={switchTo.isPending ? switchTo.variables : me.workspace_id}
        disabled={switchTo.isPending}
        onChange={(e) => switchTo.mutate(e.target.value)}
      >
        {me.workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      {switchTo.error ? <ErrorBanner error={switchTo.error} /> : null}
    </div>
  );
}
