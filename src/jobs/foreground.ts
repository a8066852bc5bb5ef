/**
 * The requests this process is answering right now. A server that runs its own worker (`settle start`)
 * shares one event loop with it and, on PGlite, one database connection: a webhook's 2xx or a page would
 * otherwise queue behind background jobs. The worker waits for a quiet moment before it claims or starts a
 * job, never longer than `maxWaitMs`, so a steady stream of requests slows the queue but cannot stop it.
 */
export type Foreground = {
  readonly inFlight: number;
  /** Requests entered since the process started: a change tells the worker that requests are arriving. */
  readonly entered: number;
  enter(): void;
  leave(): void;
  /** Resolves when no request is in flight, or after maxWaitMs, whichever comes first. */
  quiet(maxWaitMs: number): Promise<void>;
};

export function createForeground(): Foreground {
  let inFlight = 0;
  let entered = 0;
  const waiters = new Set<() => void>();
  return {
    get inFlight() {
      return inFlight;
    },
    get entered() {
      return entered;
    },
    enter() {
      inFlight += 1;
      entered += 1;
    },
    leave() {
      inFlight = Math.max(0, inFlight - 1);
      if (inFlight === 0) {
        for (const release of [...waiters]) release();
      }
    },
    quiet(maxWaitMs) {
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const release = () => {
          clearTimeout(timer);
          waiters.delete(release);
          resolve();
        };
        const timer = setTimeout(release, maxWaitMs);
        waiters.add(release);
      });
    },
  };
}
