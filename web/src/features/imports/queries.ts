import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { ImportBody, ImportRun } from "./types.ts";

const FINISHED = new Set(["validated", "completed", "failed"]);

export function isFinished(run: ImportRun): boolean {
  return FINISHED.has(run.status);
}

export function useStartImport() {
  return useMutation<ImportRun, ApiError, ImportBody>({
    mutationFn: (body) => api("/imports", { method: "POST", body }),
  });
}

/** The import's progress, read every second until it has finished; then the lists it wrote to are refreshed. */
export function useImportRun(first: ImportRun | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ["imports", first?.id],
    queryFn: async () => {
      const run = await api<ImportRun>(`/imports/${first?.id}`);
      if (isFinished(run)) {
        for (const key of ["companies", "contacts", "products", "opportunities"]) {
          void client.invalidateQueries({ queryKey: [key] });
        }
      }
      return run;
    },
    enabled: first !== undefined && !isFinished(first),
    initialData: first,
    refetchInterval: (query) => (query.state.data && !isFinished(query.state.data) ? 1000 : false),
  });
}
