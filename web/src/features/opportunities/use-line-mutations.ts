import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { Line, LinePatch, Page } from "../../lib/types.ts";
import { historyKey, linesKey } from "./queries.ts";

/** PATCH one line and put the answer straight into the cached lines, so pills and totals update at once. */
export function usePatchLine(opportunityId: string, lineId: string) {
  const client = useQueryClient();
  return useMutation<Line, ApiError, LinePatch>({
    mutationFn: (patch) => api(`/opportunities/${opportunityId}/products/${lineId}`, { method: "PATCH", body: patch }),
    onSuccess: async (saved) => {
      client.setQueryData<Line[]>(linesKey(opportunityId), (lines) =>
        lines?.map((l) => (l.id === saved.id ? { ...l, ...saved } : l)),
      );
      await client.invalidateQueries({ queryKey: historyKey(opportunityId, lineId) });
      await client.invalidateQueries({ queryKey: linesKey(opportunityId) });
    },
  });
}

export function useRemoveLine(opportunityId: string, lineId: string) {
  const client = useQueryClient();
  return useMutation<void, ApiError>({
    mutationFn: () => api(`/opportunities/${opportunityId}/products/${lineId}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: linesKey(opportunityId) }),
  });
}

/** Moves one line up or down: the server takes every line id once, in the new order. */
export function useReorder(opportunityId: string) {
  const client = useQueryClient();
  return useMutation<Page<Line>, ApiError, { lines: Line[]; index: number; delta: -1 | 1 }>({
    mutationFn: ({ lines, index, delta }) => {
      const order = lines.map((l) => l.id);
      const [moved] = order.splice(index, 1);
      if (moved) order.splice(index + delta, 0, moved);
      return api(`/opportunities/${opportunityId}/products/reorder`, { method: "POST", body: { line_ids: order } });
    },
    onSuccess: (page) => client.setQueryData(linesKey(opportunityId), page.data),
    onSettled: () => client.invalidateQueries({ queryKey: linesKey(opportunityId) }),
  });
}
