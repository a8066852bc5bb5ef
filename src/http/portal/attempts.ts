/**
 * Token attempts per client IP in fixed one-minute windows, in process memory like the API's limits. The
 * session cookie carries the token too, so a request with a bad cookie counts as an attempt as well; a good
 * cookie never does, so browsing one's invoices is not limited.
 */
export function createAttemptLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const w = windows.get(key);
    return w && now() - w.start < 60_000 ? w : undefined;
  };
  const retryAfter = (w: { start: number }) => Math.max(1, Math.ceil((w.start + 60_000 - now()) / 1000));
  return {
    /** Seconds to wait when `key` is over the limit, else 0; does not count. */
    blocked(key: string): number {
      const w = current(key);
      return w && w.count >= perMinute ? retryAfter(w) : 0;
    },
    /** Counts one attempt; seconds to wait when this one is over the limit, else 0. */
    hit(key: string): number {
      let w = current(key);
      if (!w) {
        if (windows.size > 50_000) windows.clear();
        w = { start: now(), count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > perMinute ? retryAfter(w) : 0;
    },
  };
}
