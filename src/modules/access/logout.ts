import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { sessions } from "../../db/schema/index.ts";

export async function logout(deps: { db: DbOrTx }, sessionId: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.id, sessionId));
}
