import { SnapshotFile } from "../../shared/snapshot-file.ts";
import { noSuch } from "../core/errors.ts";
import { newPlatform } from "./platform.ts";
import type { StoredObject, StripeObject, StripeSandboxState } from "./types.ts";

/**
 * Owns the sandbox state and its optional JSON snapshot (coalesced writes), and the object table every
 * resource shares: objects are kept as their wire JSON, keyed by id, each on one account.
 */
export class StripeStore {
  readonly state: StripeSandboxState;
  private readonly snapshot: SnapshotFile<StripeSandboxState>;

  constructor(persistFile?: string, credentialSeed?: string) {
    this.snapshot = new SnapshotFile(persistFile, 1);
    this.state = this.snapshot.load() ?? freshState(credentialSeed);
  }

  insert<T extends StripeObject>(account: string, body: T): T {
    this.state.seq += 1;
    this.state.objects[body.id] = { account, seq: this.state.seq, body };
    this.changed();
    return body;
  }

  /** The object with this id on this account, of this `object` type (e.g. "checkout.session"). */
  find<T extends StripeObject = StripeObject>(account: string, id: string, type?: string): T | undefined {
    const stored = this.state.objects[id];
    if (!stored || stored.account !== account) return undefined;
    if (type && stored.body.object !== type) return undefined;
    return stored.body as T;
  }

  /** Like find, or Stripe's 404 "No such <kind>: '<id>'" naming `param` when a parameter referred to it. */
  get<T extends StripeObject = StripeObject>(account: string, id: string, type: string, param?: string): T {
    const found = this.find<T>(account, id, type);
    if (!found) throw noSuch(type.replace(/^.*\./, "").replace(/_/g, " "), id, param);
    return found;
  }

  /** The account an object lives on, whatever the caller: for the console and the hosted pages. */
  locate(id: string): StoredObject | undefined {
    return this.state.objects[id];
  }

  /** Every object of a type on an account, newest first (Stripe's list order). */
  all<T extends StripeObject = StripeObject>(account: string, type: string): T[] {
    const found: StoredObject[] = [];
    for (const stored of Object.values(this.state.objects)) {
      if (stored.account === account && stored.body.object === type) found.push(stored);
    }
    found.sort((a, b) => b.seq - a.seq);
    return found.map((stored) => stored.body as T);
  }

  /** Every object of a type on every account, newest first: for the console and the clock's work. */
  everywhere<T extends StripeObject = StripeObject>(type: string): Array<{ account: string; body: T }> {
    return Object.values(this.state.objects)
      .filter((stored) => stored.body.object === type)
      .sort((a, b) => b.seq - a.seq)
      .map((stored) => ({ account: stored.account, body: stored.body as T }));
  }

  /** Call after every mutation; the snapshot is written shortly after. */
  changed(): void {
    this.snapshot.changed(() => this.state);
  }

  flush(): void {
    this.snapshot.flush(this.state);
  }
}

function freshState(seed?: string): StripeSandboxState {
  return {
    version: 1,
    clockOffsetMs: 0,
    seq: 0,
    platform: newPlatform(seed),
    connected: {},
    authCodes: {},
    objects: {},
    idempotency: {},
  };
}
