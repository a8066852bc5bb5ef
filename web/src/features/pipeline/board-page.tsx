import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { api } from "../../lib/api.ts";
import { useCan } from "../../lib/session.tsx";
import type { Company, Page } from "../../lib/types.ts";
import { COMPANIES_KEY } from "../companies/queries.ts";
import { BoardColumn } from "./board-column.tsx";
import { useBoardOpportunities, useMoveOpportunity, useStages } from "./queries.ts";
import type { BoardOpportunity, Stage } from "./types.ts";
import "./board.css";

/** A deal whose stage_id is not (yet) set sits in the stage of the same name, else the first one. */
function stageOf(o: BoardOpportunity, stages: Stage[]): Stage | undefined {
  return (
    stages.find((s) => s.id === o.stage_id) ??
    stages.find((s) => s.name.toLowerCase() === o.stage.toLowerCase()) ??
    stages[0]
  );
}

/**
 * The names of the companies on the board: one request per hundred companies (`?ids=`), not one per card.
 * Sorting the ids keeps the query keys stable as cards move between columns.
 */
function useCompanyNames(ids: string[], enabled: boolean): Map<string, string> {
  const sorted = [...ids].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < sorted.length; i += 100) chunks.push(sorted.slice(i, i + 100));
  const results = useQueries({
    queries: chunks.map((chunk) => ({
      queryKey: [...COMPANIES_KEY, { ids: chunk }],
      queryFn: () => api<Page<Company>>("/companies", { query: { ids: chunk.join(","), limit: 100 } }),
      enabled,
      staleTime: 60_000,
    })),
  });
  return new Map(results.flatMap((r) => (r.data ? r.data.data.map((c) => [c.id, c.name] as const) : [])));
}

export function BoardPage() {
  const canMove = useCan("opportunities:write");
  const showAmounts = useCan("invoices:read");
  const canEditStages = useCan("settings:write");
  const stages = useStages();
  const board = useBoardOpportunities(showAmounts);
  const move = useMoveOpportunity();
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const companyIds = [...new Set(board.items.map((o) => o.company_id))];
  const companyNames = useCompanyNames(companyIds, useCan("companies:read"));
  const list = stages.data ?? [];
  const onMove = (opportunityId: string, stage: Stage) => {
    const opportunity = board.items.find((o) => o.id === opportunityId);
    if (!opportunity || stageOf(opportunity, list)?.id === stage.id) return;
    setFocusedId(opportunityId);
    move.mutate(
      { opportunity, stage },
      { onSuccess: () => setAnnouncement(`${opportunity.name} moved to ${stage.name}`) },
    );
  };
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Pipeline</h1>
          <p className="muted">
            {canMove ? "Drag a deal to another stage, or focus it and press ← or →." : "Deals by stage."}
          </p>
        </div>
        {canEditStages ? (
          <Link href="/settings/stages" className="btn btn-secondary" data-testid="edit-stages">
            Edit stages
          </Link>
        ) : null}
      </header>
      <ErrorBanner
        error={stages.error ?? board.error}
        onRetry={() => {
          void stages.refetch();
          void board.refetch();
        }}
      />
      <ErrorBanner error={move.error} />
      <p className="visually-hidden" aria-live="polite" data-testid="board-announcement">
        {announcement}
      </p>
      {stages.isPending || board.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <EmptyState title="No stages yet">
          <p className="muted">Add the stages of your pipeline in Settings → Stages.</p>
        </EmptyState>
      ) : (
        <div className="board" data-testid="board">
          {list.map((stage, index) => (
            <BoardColumn
              key={stage.id}
              stage={stage}
              prev={list[index - 1]}
              next={list[index + 1]}
              cards={board.items.filter((o) => stageOf(o, list)?.id === stage.id)}
              companyNames={companyNames}
              onMove={canMove ? onMove : undefined}
              showAmounts={showAmounts}
              focusedId={focusedId}
            />
          ))}
        </div>
      )}
      {board.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void board.fetchNextPage()} busy={board.isFetchingNextPage}>
            Load more deals
          </Button>
        </div>
      ) : null}
    </div>
  );
}
