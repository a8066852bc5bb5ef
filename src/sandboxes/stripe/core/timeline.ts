/**
 * Work that falls due on the sandbox clock (session expiry, bank debits settling, subscription renewals).
 * Each part registers a task; `run` calls them all with the current sandbox time, on a timer and at once
 * whenever the console moves the clock.
 */
export class Timeline {
  private readonly tasks: Array<{ name: string; run: (nowMs: number) => void }> = [];

  register(name: string, run: (nowMs: number) => void): void {
    this.tasks.push({ name, run });
  }

  run(nowMs: number): void {
    for (const task of this.tasks) {
      try {
        task.run(nowMs);
      } catch (error) {
        console.error(`[stripe-sandbox] ${task.name}`, error);
      }
    }
  }
}
