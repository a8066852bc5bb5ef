import type { Context } from "hono";
import type { WireObject } from "../core/wire-input.ts";
import { envelope, validationException } from "./responses.ts";

export type ElementOutcome =
  | { ok: true; wire: Record<string, unknown> }
  | { ok: false; echo: WireObject; errors: string[] };

export interface BatchShape {
  key: string;
  /** "HasErrors" on invoices, "HasValidationErrors" elsewhere. */
  errorFlag: string;
}

/** Xero binds query parameter names case-insensitively: `searchTerm`, `SearchTerm` and `SEARCHTERM` are one. */
export function wireQuery(c: Context, name: string): string | undefined {
  const exact = c.req.query(name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of new URL(c.req.url).searchParams) if (key.toLowerCase() === lower) return value;
  return undefined;
}

export function readSummarizeErrors(c: Context): boolean {
  return wireQuery(c, "summarizeErrors") !== "false";
}

/**
 * Xero's batch semantics: with summarizeErrors (the default in practice) any failure makes the
 * whole response a 400 listing only the failures, although the valid elements were saved.
 */
export function batchResponse(
  c: Context,
  nowMs: number,
  shape: BatchShape,
  outcomes: ElementOutcome[],
  summarize: boolean,
): Response {
  const failures = outcomes.filter((o) => !o.ok);
  if (summarize && failures.length > 0) {
    return validationException(
      c,
      failures.map((f) => ({ ...f.echo, ValidationErrors: f.errors.map((Message) => ({ Message })) })),
    );
  }
  const elements = outcomes.map((o) =>
    o.ok
      ? { ...o.wire, StatusAttributeString: "OK" }
      : {
          ...o.echo,
          [shape.errorFlag]: true,
          StatusAttributeString: "ERROR",
          ValidationErrors: o.errors.map((Message) => ({ Message })),
        },
  );
  return c.json(envelope(nowMs, shape.key, elements));
}

export interface Paging {
  page: number;
  pageSize: number;
}

/** Paging only applies when `page` is given; pageSize is clamped to Xero's 1..1000. */
export function readPaging(c: Context): Paging | undefined {
  const page = wireQuery(c, "page");
  if (page === undefined) return undefined;
  const size = Number(wireQuery(c, "pageSize") ?? 100);
  return {
    page: Math.max(1, Math.floor(Number(page)) || 1),
    pageSize: Math.min(1000, Math.max(1, Math.floor(Number.isFinite(size) ? size : 100))),
  };
}

export function applyPaging<T>(
  items: T[],
  paging: Paging | undefined,
): { items: T[]; pagination?: Record<string, number> } {
  if (!paging) return { items };
  const start = (paging.page - 1) * paging.pageSize;
  return {
    items: items.slice(start, start + paging.pageSize),
    pagination: {
      page: paging.page,
      pageSize: paging.pageSize,
      pageCount: Math.ceil(items.length / paging.pageSize),
      itemCount: items.length,
    },
  };
}

/** If-Modified-Since arrives as ISO (xero-node) or HTTP-date; whole seconds count, like Xero. */
export function readIfModifiedSince(c: Context): number | undefined {
  const header = c.req.header("if-modified-since");
  if (!header) return undefined;
  const ms = Date.parse(header);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000) * 1000;
}

export function csvQuery(c: Context, name: string): string[] | undefined {
  const value = wireQuery(c, name);
  if (!value) return undefined;
  return value
    .split(",")
    .map((v) => v.trim().replace(/^"|"$/g, ""))
    .filter(Boolean);
}

/** Xero compares modification times at whole-second precision. */
export function modifiedAfter(updatedMs: number, sinceMs: number | undefined): boolean {
  return sinceMs === undefined || Math.floor(updatedMs / 1000) * 1000 > sinceMs;
}
