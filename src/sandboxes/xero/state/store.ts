import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { DEMO_ORGANISATIONS, seedOrganisation } from "./demo-seed.ts";
import type { OrganisationRecord, SandboxState } from "./types.ts";

/** Owns the state object and its optional JSON snapshot. Writes are coalesced. */
export class SandboxStore {
  readonly state: SandboxState;
  private pendingWrite: NodeJS.Timeout | undefined;

  constructor(
    nowMs: number,
    private readonly persistFile?: string,
  ) {
    this.state = this.load() ?? freshState(nowMs);
  }

  organisation(tenantId: string): OrganisationRecord | undefined {
    return this.state.organisations[tenantId];
  }

  organisations(): OrganisationRecord[] {
    return Object.values(this.state.organisations);
  }

  /** Call after every mutation; the snapshot is written shortly after. */
  changed(): void {
    if (!this.persistFile || this.pendingWrite) return;
    this.pendingWrite = setTimeout(() => this.flush(), 50);
  }

  flush(): void {
    if (this.pendingWrite) clearTimeout(this.pendingWrite);
    this.pendingWrite = undefined;
    if (!this.persistFile) return;
    mkdirSync(dirname(this.persistFile), { recursive: true });
    const temp = `${this.persistFile}.tmp`;
    // It holds the signing key and refresh tokens: owner-only, whatever the umask.
    writeFileSync(temp, JSON.stringify(this.state), { mode: 0o600 });
    renameSync(temp, this.persistFile);
  }

  private load(): SandboxState | undefined {
    if (!this.persistFile || !existsSync(this.persistFile)) return undefined;
    const parsed = JSON.parse(readFileSync(this.persistFile, "utf8")) as SandboxState;
    return parsed.version === 1 ? parsed : undefined;
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
