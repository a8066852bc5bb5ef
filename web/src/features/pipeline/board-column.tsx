import { type DragEvent, useState } from "react";
import { formatMoney, sumMinor } from "../../lib/money.ts";
import { BoardCard } from "./board-card.tsx";
import { type BoardOpportunity, KIND_LABEL, type Stage } from "./types.ts";

type Props = {
  stage: Stage;
  prev: Stage | undefined;
  next: Stage | undefined;
  cards: BoardOpportunity[];
  companyNames: Map<string, string>;
  onMove: ((opportunityId: string, stage: Stage) => void) | undefined;
  showAmounts: boolean;
  focusedId: string | null;
};

/** Totals per currency: a column can hold deals in several, and amounts in different currencies never add. */
function totals(cards: BoardOpportunity[]): string {
  const currencies = [...new Set(cards.map((c) => c.currency))].sort();
  return currencies
    .map((cur) => formatMoney(sumMinor(cards.filter((c) => c.currency === cur).map((c) => c.total_amount)), cur))
    .join(" · ");
}

export function BoardColumn({ stage, prev, next, cards, companyNames, onMove, showAmounts, focusedId }: Props) {
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const id = event.dataTransfer.getData("text/plain");
    if (id && onMove) onMove(id, stage);
  };
  return (
    <section
      className={over ? "board-column board-column-over" : "board-column"}
      aria-label={`${stage.name} (${cards.length})`}
      data-testid="board-column"
      data-stage-id={stage.id}
      data-stage={stage.name}
      onDragOver={
        onMove
          ? (event) => {
              event.preventDefault();
              event.dataTransfer.dropEffect = "move";
              setOver(true);
            }
          : undefined
      }
      onDragLeave={() => setOver(false)}
      onDrop={onMove ? drop : undefined}
    >
      <header className="board-column-header">
        <h2>{stage.name}</h2>
        <span className="muted small">
          {stage.kind === "open" ? null : `${KIND_LABEL[stage.kind]} · `}
          {cards.length}
        </span>
      </header>
      {cards.length > 0 ? <p className="muted small board-column-total">{totals(cards)}</p> : null}
      <div className="board-cards">
        {cards.map((o) => (
          <BoardCard
            key={o.id}
            opportunity={o}
            companyName={companyNames.get(o.company_id)}
            prev={prev}
            next={next}
            onMove={onMove ? (target) => onMove(o.id, target) : undefined}
            showAmounts={showAmounts}
            focused={focusedId === o.id}
          />
        ))}
      </div>
    </section>
  );
}
