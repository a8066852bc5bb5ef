import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";

/** Demo CRM records (companies, products, opportunities with lines in every status) for a new workspace. */
export async function seedDemoCrm(_deps: {
  db: Db;
  clock: Clock;
  workspaceId: string;
  adminUserId: string;
}): Promise<void> {
  // Filled in by the CRM module's demo data.
}
