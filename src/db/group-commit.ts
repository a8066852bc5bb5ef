import { concurrentStatements, type Db } from "./client.ts";

type Waiter<I, O> = { item: I; resolve: (out: O) => void; reject: (error: unknown) => void };
type Lane<I, O> = { waiting: Waiter<I, O>[]; writing: number };

/**
 * Group commit for a hot write (a webhook's store-and-queue): calls that arrive while an earlier batch is
 * being written wait and are written together, in one statement and one commit. Alone, a call waits only for
 * the next turn of the event loop. Under a burst the batches grow by themselves, so the database work per
 * call falls exactly when the queue of requests would otherwise grow, which keeps acknowledgements quick.
 *
 * `write` receives the batch and returns one result per item, in order. If a batch fails, its items are
 * written one by one, so one bad item fails only its own call. One lane per database handle, with as many
 * batches in flight as the database runs statements at once (one on PGlite; a few on PostgreSQL, whose
 * commits then overlap).
 */
export function groupCommit<I, O>(
  write: (db: Db, items: I[]) => Promise<O[]>,
  maxBatch = 100,
): (db: Db, item: I) => Promise<O> {
  const lanes = new WeakMap<Db, Lane<I, O>>();

  async function writeBatch(db: Db, batch: Waiter<I, O>[]) {
    try {
      const results = await write(
        db,
        batch.map((w) => w.item),
      );
      for (const [i, waiter] of batch.entries()) waiter.resolve(results[i] as O);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const waiter of batch) await writeBatch(db, [waiter]);
    }
  }

  function drain(db: Db, lane: Lane<I, O>) {
    lane.writing += 1;
    // The next turn lets every request parsed in this one join the batch.
    setImmediate(async () => {
      while (lane.waiting.length > 0) {
        await writeBatch(db, lane.waiting.splice(0, maxBatch));
      }
      lane.writing -= 1;
    });
  }

  return (db, item) =>
    new Promise<O>((resolve, reject) => {
      let lane = lanes.get(db);
      if (!lane) {
        lane = { waiting: [], writing: 0 };
        lanes.set(db, lane);
      }
      lane.waiting.push({ item, resolve, reject });
      if (lane.writing < concurrentStatements(db)) drain(db, lane);
    });
}
