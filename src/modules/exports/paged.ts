import { AppError } from "../../lib/errors.ts";

/** Rows read per query while streaming, so a large export never sits in memory. */
export const EXPORT_BATCH = 500;

/**
 * Streams CSV: the header, then batches read newest first by id until a short batch. `read` is given the
 * last id of the previous batch (undefined for the first).
 */
export async function* pagedCsv<T extends { id: string }>(
  header: string,
  read: (before: string | undefined) => Promise<T[]>,
  toLines: (rows: T[]) => Promise<string> | string,
): AsyncGenerator<string> {
  yield header;
  let before: string | undefined;
  for (;;) {
    const rows = await read(before);
    if (rows.length > 0) {
      yield await toLines(rows);
    }
    if (rows.length < EXPORT_BATCH) return;
    before = rows.at(-1)?.id;
    if (!before) throw new AppError("internal", "An export batch had no last id.");
  }
}
