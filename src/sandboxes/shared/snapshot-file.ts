import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * A sandbox's state kept as one JSON file: writes are coalesced (a burst of changes is one write, shortly
 * after), replace the file atomically (write, then rename), and are owner-only whatever the umask, since
 * the state holds keys and tokens. Without a path nothing is kept.
 */
export class SnapshotFile<T extends { version: number }> {
  private pendingWrite: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string | undefined,
    private readonly version: T["version"],
  ) {}

  /** The state kept last time, or undefined (no file, or one of another version). */
  load(): T | undefined {
    if (!this.path || !existsSync(this.path)) return undefined;
    const parsed = JSON.parse(readFileSync(this.path, "utf8")) as T;
    return parsed.version === this.version ? parsed : undefined;
  }

  /** Call after every mutation; `read` gives the state to write when the write happens. */
  changed(read: () => T): void {
    if (!this.path || this.pendingWrite) return;
    this.pendingWrite = setTimeout(() => this.flush(read()), 50);
  }

  flush(state: T): void {
    if (this.pendingWrite) clearTimeout(this.pendingWrite);
    this.pendingWrite = undefined;
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
    renameSync(temp, this.path);
  }
}
