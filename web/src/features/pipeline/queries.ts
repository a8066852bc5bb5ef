import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { Page } from "../../lib/types.ts";
import { OPPORTUNITIES_KEY, opportunityKey } from "../opportunities/queries.ts";
import type { BoardOpportunity, Stage, StageBody } from "./types.ts";

export const STAGES_KEY = ["stages"] as const;
const BOARD_KEY = [...OPPORTUNITIES_KEY, "board"] as const;

export function useStages(enabled = true) {
  return useQuery({
    queryKey: STAGES_KEY,
    queryFn: async () => [...(await api<{ data: Stage[] }>("/stages")).data].sort((a, b) => a.position - b.position),
    enabled,
  });
}

/**
 * Every opportunity on the board, 100 to a page; with `expand=products` each carries its lines so a card can
 * show its amounts by payment status (present only for invoices:read).
 */
export function useBoardOpportunities(withLines: boolean) {
  const result = useInfiniteQuery({
    queryKey: [...BOARD_KEY, { withLines }],
    queryFn: ({ pageParam }) =>
      api<Page<BoardOpportunity>>("/opportunities", {
        query: { limit: 100, cursor: pageParam ?? undefined, expand: withLines ? "products" : undefined },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.has_more ? last.next_cursor : null),
  });
  const items = result.data?.pages.flatMap((p) => p.data) ?? [];
  return { ...result, items };
}

type BoardData = InfiniteData<Page<BoardOpportunity>, string | null>;
type Move = { opportunity: BoardOpportunity; stage: Stage };

/** Moves a card at once and puts it back if the server refuses, saying why. */
export function useMoveOpportunity() {
  const client = useQueryClient();
  return useMutation<BoardOpportunity, ApiError, Move, { snapshot: [readonly unknown[], unknown][] }>({
    mutationFn: ({ opportunity, stage }) =>
      api(`/opportunities/${opportunity.id}`, { method: "PATCH", body: { stage_id: stage.id } }),
    onMutate: async ({ opportunity, stage }) => {
      await client.cancelQueries({ queryKey: BOARD_KEY });
      const snapshot = client.getQueriesData({ queryKey: BOARD_KEY });
      client.setQueriesData<BoardData>({ queryKey: BOARD_KEY }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                data: page.data.map((o) =>
                  o.id === opportunity.id ? { ...o, stage_id: stage.id, stage: stage.name } : o,
                ),
              })),
            }
          : data,
      );
      return { snapshot };
    },
    onError: (_error, _move, context) => {
      for (const [key, data] of context?.snapshot ?? []) client.setQueryData(key, data);
    },
    onSuccess: (saved) => {
      client.removeQueries({ queryKey: opportunityKey(saved.id) });
    },
    onSettled: () => void client.invalidateQueries({ queryKey: OPPORTUNITIES_KEY }),
  });
}

export function useSaveStage(existing: Stage | null) {
  const client = useQueryClient();
  return useMutation<Stage, ApiError, StageBody>({
    mutationFn: (body) =>
      existing ? api(`/stages/${existing.id}`, { method: "PATCH", body }) : api("/stages", { method: "POST", body }),
    onSettled: () => void client.invalidateQueries({ queryKey: STAGES_KEY }),
  });
}

/** `moveTo` names the stage a stage's opportunities go to; without it the server refuses a stage in use. */
export function useDeleteStage() {
  const client = useQueryClient();
  return useMutation<void, ApiError, { stage: Stage; moveTo?: string | undefined }>({
    mutationFn: ({ stage, moveTo }) => api(`/stages/${stage.id}`, { method: "DELETE", query: { move_to: moveTo } }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: STAGES_KEY });
      void client.invalidateQueries({ queryKey: OPPORTUNITIES_KEY });
    },
  });
}
