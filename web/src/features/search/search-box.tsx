import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../lib/api.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { hitsOf, KIND_LABEL, type SearchHit, type SearchResult } from "./hits.ts";
import "./search.css";

/** "/" or Ctrl/⌘+K from anywhere outside a text field puts the cursor in the search box. */
function useShortcut(focus: () => void): void {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable=true]") !== null && target !== null;
      const slash = event.key === "/" && !typing;
      const k = event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey);
      if (slash || k) {
        event.preventDefault();
        focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [focus]);
}

/**
 * One box for companies, contacts, opportunities and invoice numbers (a combobox: ↑ ↓ choose, Enter opens,
 * Escape closes). The server leaves out what the caller's scopes do not cover.
 */
export function SearchBox() {
  const [, navigate] = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 200);
  const search = useQuery({
    queryKey: ["search", q],
    queryFn: () => api<SearchResult>("/search", { query: { q } }),
    enabled: q.length >= 2,
    placeholderData: (previous) => previous,
    staleTime: 10_000,
  });
  useShortcut(useCallback(() => input.current?.focus(), []));
  const hits = q.length >= 2 && search.data ? hitsOf(search.data) : [];
  const go = (hit: SearchHit) => {
    setOpen(false);
    setText("");
    input.current?.blur();
    navigate(hit.href);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (hits.length === 0 ? 0 : (i + step + hits.length) % hits.length));
    } else if (event.key === "Enter") {
      const hit = hits[active];
      if (hit) {
        event.preventDefault();
        go(hit);
      }
    } else if (event.key === "Escape") {
      setOpen(false);
      input.current?.blur();
    }
  };
  const showList = open && q.length >= 2;
  return (
    <div className="search-box" data-testid="global-search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        aria-label="Search everything (press / or Ctrl+K)"
        placeholder="Search…  /"
        value={text}
        maxLength={200}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        data-testid="global-search-input"
      />
      {showList ? (
        <div className="search-results" id={listId} role="listbox" aria-label="Search results">
          {search.isError ? (
            <p className="search-empty">Search failed: {search.error.message} Try again in a moment.</p>
          ) : hits.length === 0 ? (
            <p className="search-empty">{search.isFetching ? "Searching…" : `Nothing matches “${q}”.`}</p>
          ) : (
            hits.map((hit, index) => (
              <div key={`${hit.kind}:${hit.id}`}>
                {index === 0 || hits[index - 1]?.kind !== hit.kind ? (
                  <div className="search-group">{KIND_LABEL[hit.kind]}</div>
                ) : null}
                <div
                  id={`${listId}-${index}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={index === active}
                  className={index === active ? "search-hit active" : "search-hit"}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => go(hit)}
                  onKeyDown={() => undefined}
                  data-testid="search-hit"
                  data-kind={hit.kind}
                >
                  <span>{hit.title}</span>
                  {hit.detail ? <span className="muted small">{hit.detail}</span> : null}
                </div>
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
