import { type KeyboardEvent, useEffect, useRef } from "react";
import { Link } from "wouter";
import { formatMoney } from "../../lib/money.ts";
import { StatusBar } from "./status-bar.tsx";
import type { BoardOpportunity, Stage } from "./types.ts";

type Props = {
  opportunity: BoardOpportunity;
  companyName: string | undefined;
  prev: Stage | undefined;
  next: Stage | undefined;
  /** Absent without opportunities:write: the card can be read, not moved. */
  onMove: ((stage: Stage) => void) | undefined;
  showAmounts: boolean;
  focused: boolean;
};

/**
 * One deal on the board. With write access it can be dragged, or focused and moved with ← and → (or the
 * buttons); focus follows the card into its new column.
 */
export function BoardCard({ opportunity: o, companyName, prev, next, onMove, showAmounts, focused }: Props) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focused) ref.current?.focus();
  }, [focused]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (!onMove) return;
    const target = event.key === "ArrowLeft" ? prev : event.key === "ArrowRight" ? next : undefined;
    if (target) {
      event.preventDefault();
      onMove(target);
    }
  };
  return (
    <article
      className="board-card"
      draggable={Boolean(onMove)}
      onDragStart={(event) => {
        event.dataTransfer.setData("text/plain", o.id);
        event.dataTransfer.effectAllowed = "move";
      }}
      data-testid="board-card"
      data-id={o.id}
      data-name={o.name}
    >
      <Link href={`/opportunities/${o.id}`} className="row-link strong">
        {o.name}
      </Link>
      <div className="board-card-meta">
        <span className="muted">{companyName ?? "…"}</span>
        <span className="strong" data-testid="board-card-total">
          {formatMoney(o.total_amount, o.currency)}
        </span>
      </div>
      {showAmounts && o.products ? <StatusBar lines={o.products} currency={o.currency} /> : null}
      {onMove ? (
        <div className="board-card-moves">
          <button
            ref={ref}
            type="button"
            className="board-card-handle"
            aria-label={`Move ${o.name}: press ← or → to change its stage`}
            onKeyDown={onKeyDown}
            data-testid="board-card-handle"
          >
            ⠿ Move
          </button>
          {prev ? (
            <button
              type="button"
              className="icon-btn"
              aria-label={`Move to ${prev.name}`}
              onClick={() => onMove(prev)}
              data-testid="move-left"
            >
              ←
            </button>
          ) : null}
          {next ? (
            <button
              type="button"
              className="icon-btn"
              aria-label={`Move to ${next.name}`}
              onClick={() => onMove(next)}
              data-testid="move-right"
            >
              →
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
