import { eq } from "drizzle-orm";
import { withTransaction } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { members, users } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { hashPassword } from "../../lib/password.ts";
import { sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { AcceptInviteInput } from "./schemas.ts";

/** An invited person sets their password with the token from the invite link; the token works once. */
export async function acceptInvite(deps: { db: DbOrTx; clock: Clock }, input: unknown): Promise<{ email: string }> {
  const parsed = parseInput(AcceptInviteInput, input);
  const passwordHash = await hashPassword(parsed.password);
  return withTransaction(deps, async (tx) => {
    const [member] = await tx
      .select()
      .from(members)
      .where(eq(members.inviteTokenHash, sha256(parsed.token)));
    if (member?.status !== "invited") {
      throw new AppError("not_found", "This invite link is invalid or was already used.");
    }
    const now = deps.clock.now();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, ...(parsed.name ? { name: parsed.name } : {}), updatedAt: now })
      .where(eq(users.id, member.userId))
      .returning();
    await tx
      .update(members)
      .set({ status: "active", inviteTokenHash: null, updatedAt: now })
      .where(eq(members.id, member.id));
    return { email: user?.email ?? "" };
  });
}
