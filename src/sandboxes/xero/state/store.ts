import { randomBytes } from "node:crypto";
import { SnapshotFile } from "../../shared/snapshot-file.ts";
import { DEMO_ORGANISATIONS, seedOrganisation } from "./demo-seed.ts";
import type { OrganisationRecord, SandboxState } from "./types.ts";

/** Owns the state object and its optional JSON snapshot. Writes are coalesced. */
export class SandboxStore {
  readonly state: SandboxState;
  private readonly snapshot: SnapshotFile<SandboxState>;

  constructor(nowMs: number, persistFile?: string) {
    this.snapshot = new SnapshotFile(persistFile, 1);
    this.state = this.snapshot.load() ?? freshState(nowMs);
  }

  organisation(tenantId: string): OrganisationRecord | undefined {
    return this.state.organisations[tenantId];
  }

  organisations(): OrganisationRecord[] {
    return Object.values(this.state.organisations);
  }

  /** Call after every mutation; the snapshot is written shortly after. */
  changed(): void {
    this.snapshot.changed(() => this.state);
  }

  flush(): void {
    this.snapshot.flush(this.state);
  }
}

function freshState(nowMs: number): SandboxState {
  const organisations: Record<string, OrganisationRecord> = {};
  for (const seed of DEMO_ORGANISATIONS) {
    const org = seedOrganisation(seed, nowMs);
    organisations[org.organisationId] = org;
  }
  return {
    version: 1,
    clockOffsetMs: 0,
    signingKey: randomBytes(32).toString("base64url"),
    organisations,
    authCodes: {},
    refreshTokens: {},
    revokedGrants: [],
    connections: {},
  };
}
