import { z } from "zod";
import { AppError } from "./errors.ts";

/** Cursor pagination over time-sortable ids: the cursor is the last id seen, opaque to callers. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export type Page<T> = { data: T[]; hasMore: boolean; nextCursor: string | null };

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === "") {
    return undefined;
  }
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[a-z]+_[1-9A-Za-z]+$/.test(id)) {
    throw new AppError("invalid_input", "The cursor is not one this API returned.", {
      issues: [{ field: "cursor", message: "invalid cursor; pass next_cursor from the previous page" }],
    });
  }
  return id;
}

/** Callers fetch limit + 1 rows ordered by id; the extra row only tells whether another page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data.at(-1);
  return { data, hasMore, nextCursor: hasMore && last ? Buffer.from(last.id).toString("base64url") : null };
}
