import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "./api.ts";
import type { Page } from "./types.ts";

/** A cursor-paginated list as one flat array plus "load more". */
export function usePageList<T>(
  key: readonly unknown[],
  path: string,
  query: Record<string, string | number | undefined> = {},
  enabled = true,
) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam }) => api<Page<T>>(path, { query: { limit: 25, ...query, cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.has_more ? last.next_cursor : null),
    enabled,
  });
  const items = result.data?.pages.flatMap((p) => p.data) ?? [];
  return { ...result, items };
}
