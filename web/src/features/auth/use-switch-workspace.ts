import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import { ME_KEY } from "../../lib/session.tsx";
import type { WorkspaceSwitched } from "../../lib/types.ts";

/** Moves this browser's session to another workspace; every cached page belonged to the old one. */
export function useSwitchWorkspace() {
  const client = useQueryClient();
  return useMutation<WorkspaceSwitched, ApiError, string>({
    mutationFn: (workspaceId) => api("/session/workspace", { method: "POST", body: { workspace_id: workspaceId } }),
    onSuccess: async () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      window.history.replaceState(null, "", "/");
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
